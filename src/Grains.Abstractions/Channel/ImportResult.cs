namespace Harmony.Grains.Abstractions.Channel;

/// <summary>The outcome of importing envelopes into a channel log.</summary>
[GenerateSerializer, Immutable, Alias("harmony.channel.import-result")]
public sealed record ImportResult
{
    /// <summary>Envelopes appended (new ids).</summary>
    [Id(0)] public int Appended { get; init; }

    /// <summary>Envelopes already in the log (skipped; importing twice changes nothing).</summary>
    [Id(1)] public int Duplicates { get; init; }

    /// <summary>The log's highest sequence number after the import.</summary>
    [Id(2)] public long LastSeq { get; init; }
}
