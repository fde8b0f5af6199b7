namespace Harmony.Core.Capabilities;

/// <summary>The result of a successful invocation check.</summary>
/// <param name="Invoker">The invoker's DID.</param>
/// <param name="VerificationMethod">The verification method that signed the invocation.</param>
/// <param name="Action">The invoked action.</param>
/// <param name="Target">The invoked target.</param>
/// <param name="Created">The invocation proof's <c>created</c>.</param>
/// <param name="Nonce">The invocation proof's nonce (null only when nonces are not required).</param>
/// <param name="Chain">The verified chain of the invoked capability.</param>
public sealed record VerifiedInvocation(
    string Invoker,
    string VerificationMethod,
    string Action,
    string Target,
    DateTimeOffset Created,
    string? Nonce,
    VerifiedChain Chain)
{
    /// <summary>The id of the invoked capability.</summary>
    public string CapabilityId => Chain.Tail?.Id ?? Chain.RootCapabilityId;
}
