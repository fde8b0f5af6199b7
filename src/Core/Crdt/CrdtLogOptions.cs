namespace Harmony.Core.Crdt;

/// <summary>Limits of a <see cref="CrdtLog{T}"/>; entries beyond them are rejected with <see cref="CrdtException"/>.</summary>
public sealed record CrdtLogOptions
{
    /// <summary>2^53 - 1: the largest integer JavaScript clients represent exactly.</summary>
    public const long DefaultMaxLamport = (1L << 53) - 1;

    /// <summary>The defaults.</summary>
    public static CrdtLogOptions Default { get; } = new();

    /// <summary>Most entries one log holds (1 million by default).</summary>
    public int MaxEntries { get; init; } = 1_000_000;

    /// <summary>Highest accepted Lamport time.</summary>
    public long MaxLamport { get; init; } = DefaultMaxLamport;

    /// <summary>Longest entry id or target id, in UTF-16 code units.</summary>
    public int MaxIdLength { get; init; } = 128;

    /// <summary>Longest author DID, in UTF-16 code units.</summary>
    public int MaxAuthorLength { get; init; } = 256;

    /// <summary>Longest reaction (an emoji sequence or a custom emoji id), in UTF-16 code units.</summary>
    public int MaxReactionLength { get; init; } = 64;
}
