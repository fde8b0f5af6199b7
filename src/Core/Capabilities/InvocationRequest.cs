namespace Harmony.Core.Capabilities;

/// <summary>What an invocation asks for.</summary>
/// <param name="Action">The action (<c>capabilityAction</c>).</param>
/// <param name="Target">The target (<c>invocationTarget</c>): the capability's, or beneath it.</param>
public sealed record InvocationRequest(string Action, string Target)
{
    /// <summary>The proof's <c>created</c>; null uses the clock passed to the issuer.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>The proof's nonce; null makes 128 random bits (base64url).</summary>
    public string? Nonce { get; init; }
}
