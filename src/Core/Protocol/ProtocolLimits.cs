namespace Harmony.Core.Protocol;

/// <summary>Size limits applied when decoding envelopes. Defaults are safe for chat; servers may configure them.</summary>
public sealed record ProtocolLimits
{
    /// <summary>Maximum encoded envelope size in bytes (default 256 KiB).</summary>
    public int MaxEnvelopeBytes { get; init; } = 256 * 1024;

    /// <summary>Maximum length in bytes of identifiers (channel, author, thread, target) (default 512).</summary>
    public int MaxIdentifierBytes { get; init; } = 512;

    /// <summary>The defaults.</summary>
    public static ProtocolLimits Default { get; } = new();
}
