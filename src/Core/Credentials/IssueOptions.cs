namespace Harmony.Core.Credentials;

/// <summary>Options of <see cref="CredentialIssuer.Issue"/>.</summary>
public sealed record IssueOptions
{
    /// <summary>Defaults: the system clock, default limits.</summary>
    public static IssueOptions Default { get; } = new();

    /// <summary>Clock for the proof's <c>created</c> when <see cref="Created"/> is not given.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>An explicit proof creation time (reproducible output); otherwise <see cref="Time"/> now.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>An optional expiry of the proof itself (<c>expires</c>), distinct from the credential's <c>validUntil</c>.</summary>
    public DateTimeOffset? ProofExpires { get; init; }

    /// <summary>Size and depth limits.</summary>
    public CredentialLimits Limits { get; init; } = CredentialLimits.Default;
}
