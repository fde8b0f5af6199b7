namespace Harmony.Core.Capabilities;

/// <summary>What a new delegated capability grants.</summary>
/// <param name="Controller">Who receives it: a DID (or a verification method id).</param>
/// <param name="InvocationTarget">Its target: the parent's, or beneath it.</param>
/// <param name="AllowedActions">Its actions (a subset of the parent's); null keeps the parent's <c>allowedAction</c> as is.</param>
/// <param name="Expires">When it expires: no later than the parent.</param>
public sealed record DelegationRequest(string Controller, string InvocationTarget, IReadOnlyList<string>? AllowedActions, DateTimeOffset Expires)
{
    /// <summary>The capability id; null makes a fresh <c>urn:uuid:</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The delegation proof's <c>created</c>; null uses the clock passed to the issuer.</summary>
    public DateTimeOffset? Created { get; init; }
}
