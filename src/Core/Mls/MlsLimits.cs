namespace Harmony.Core.Mls;

/// <summary>
/// Explicit bounds applied while decoding and processing MLS data, so hostile input cannot exhaust memory or CPU.
/// The defaults fit groups of tens of thousands of members.
/// </summary>
public sealed record MlsLimits
{
    /// <summary>Shared default instance.</summary>
    public static MlsLimits Default { get; } = new();

    /// <summary>Largest variable-length vector accepted on decode, in bytes (RFC 9420 allows up to 2^30 - 1).</summary>
    public int MaxVectorLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>Largest number of leaves a ratchet tree may have.</summary>
    public int MaxTreeLeaves { get; init; } = 1 << 16;

    /// <summary>How far ahead of the current generation a receiver will ratchet to decrypt a message.</summary>
    public uint MaxGenerationGap { get; init; } = 1024;

    /// <summary>How many past-generation keys per sender are retained for out-of-order messages.</summary>
    public int MaxRetainedKeysPerSender { get; init; } = 64;
}
