namespace Harmony.Grains.Abstractions.Channel;

/// <summary>The acknowledgement of a durable append.</summary>
[GenerateSerializer, Immutable, Alias("harmony.channel.append-result")]
public sealed record AppendResult
{
    /// <summary>The envelope's sequence number in the channel log.</summary>
    [Id(0)] public long Seq { get; init; }

    /// <summary>True when the envelope id was already in the log (the original sequence number is returned).</summary>
    [Id(1)] public bool Duplicate { get; init; }
}
