namespace Harmony.Core.Capabilities;

/// <summary>Limits and policy of <see cref="CapabilityVerifier"/>; the defaults are safe for a chat server.</summary>
public sealed record CapabilityVerifierOptions
{
    /// <summary>Most capabilities in a chain, root and tail included (@digitalbazaar/zcap's default is also 10).</summary>
    public int MaxChainLength { get; init; } = 10;

    /// <summary>How far an invocation's <c>created</c> may be from the verifier's clock, either way.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Allow delegations and invocations to narrow the target (see <see cref="InvocationTarget.IsWithin"/>).</summary>
    public bool AllowTargetAttenuation { get; init; } = true;

    /// <summary>Require a <c>nonce</c> on invocation proofs (replay protection).</summary>
    public bool RequireNonce { get; init; } = true;

    /// <summary>Longest accepted nonce, in characters.</summary>
    public int MaxNonceLength { get; init; } = 256;

    /// <summary>Most entries in one <c>allowedAction</c>.</summary>
    public int MaxAllowedActions { get; init; } = 64;

    /// <summary>Most verified chains kept by the default cache.</summary>
    public int ChainCacheCapacity { get; init; } = 10_000;

    /// <summary>Checks the values and returns this instance.</summary>
    public CapabilityVerifierOptions Validate()
    {
        if (MaxChainLength < 1) throw new ArgumentOutOfRangeException(nameof(MaxChainLength), "At least 1.");
        if (ClockSkew < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ClockSkew), "Not negative.");
        if (MaxNonceLength < 1) throw new ArgumentOutOfRangeException(nameof(MaxNonceLength), "At least 1.");
        if (MaxAllowedActions < 1) throw new ArgumentOutOfRangeException(nameof(MaxAllowedActions), "At least 1.");
        if (ChainCacheCapacity < 0) throw new ArgumentOutOfRangeException(nameof(ChainCacheCapacity), "Not negative.");
        return this;
    }
}
