namespace Harmony.Core.Capabilities;

/// <summary>One verified delegated capability of a chain: what it grants, to whom, until when, and who delegated it.</summary>
/// <param name="Id">The capability id.</param>
/// <param name="Controllers">Its controller(s).</param>
/// <param name="InvocationTarget">Its target.</param>
/// <param name="AllowedActions">Its actions; null means every action its parent allows.</param>
/// <param name="Expires">Its expiry.</param>
/// <param name="Delegated">Its delegation proof's <c>created</c>.</param>
/// <param name="Delegator">The verification method that signed the delegation.</param>
public sealed record VerifiedLink(
    string Id,
    IReadOnlyList<string> Controllers,
    string InvocationTarget,
    IReadOnlyList<string>? AllowedActions,
    DateTimeOffset Expires,
    DateTimeOffset Delegated,
    string Delegator)
{
    /// <summary>Whether <paramref name="action"/> is allowed by this link.</summary>
    public bool Allows(string action) => AllowedActions is null || AllowedActions.Contains(action, StringComparer.Ordinal);
}
