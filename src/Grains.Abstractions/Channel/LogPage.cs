namespace Harmony.Grains.Abstractions.Channel;

/// <summary>A page of the channel log.</summary>
[GenerateSerializer, Immutable, Alias("harmony.channel.log-page")]
public sealed record LogPage
{
    /// <summary>Entries in sequence order.</summary>
    [Id(0)] public IReadOnlyList<LogEntry> Entries { get; init; } = [];

    /// <summary>The log's highest sequence number when the page was read (page until the last entry reaches it).</summary>
    [Id(1)] public long LastSeq { get; init; }
}
