namespace Harmony.Core.Capabilities;

/// <summary>What the verifier expects of an invocation: the endpoint's action and target, and whose root it trusts.</summary>
/// <param name="Action">The action the endpoint performs (must equal the proof's <c>capabilityAction</c>).</param>
/// <param name="Target">The endpoint's URL (must equal the proof's <c>invocationTarget</c>).</param>
/// <param name="RootController">The trusted root controller, e.g. the community owner's DID.</param>
public sealed record InvocationExpectation(string Action, string Target, string RootController)
{
    /// <summary>
    /// The target of the one root capability accepted (e.g. the community URL). When null, any root whose target
    /// contains <see cref="Target"/> is accepted, still controlled by <see cref="RootController"/>.
    /// </summary>
    public string? RootTarget { get; init; }
}
