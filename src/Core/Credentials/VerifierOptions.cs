namespace Harmony.Core.Credentials;

/// <summary>Options of <see cref="CredentialVerifier"/> and <see cref="PresentationVerifier"/>.</summary>
public sealed record VerifierOptions
{
    /// <summary>Defaults: no clock skew allowance, default limits.</summary>
    public static VerifierOptions Default { get; } = new();

    /// <summary>How far clocks may disagree when comparing <c>validFrom</c>, <c>validUntil</c> and <c>expires</c> with now (default zero).</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.Zero;

    /// <summary>Size, depth and count limits.</summary>
    public CredentialLimits Limits { get; init; } = CredentialLimits.Default;
}
