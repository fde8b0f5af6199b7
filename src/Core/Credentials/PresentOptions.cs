namespace Harmony.Core.Credentials;

/// <summary>Options of <see cref="PresentationBuilder.Present"/>.</summary>
public sealed record PresentOptions
{
    /// <summary>Defaults: system clock, no id, no expiry.</summary>
    public static PresentOptions Default { get; } = new();

    /// <summary>Clock for the proof's <c>created</c> when <see cref="Created"/> is not given.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>An explicit proof creation time; otherwise <see cref="Time"/> now.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>An optional expiry of the presentation proof.</summary>
    public DateTimeOffset? ProofExpires { get; init; }

    /// <summary>An optional <c>id</c> of the presentation.</summary>
    public string? Id { get; init; }

    /// <summary>Size, depth and count limits.</summary>
    public CredentialLimits Limits { get; init; } = CredentialLimits.Default;
}
