namespace Harmony.Grains.Abstractions.Channel;

/// <summary>One envelope of the channel log.</summary>
[GenerateSerializer, Immutable, Alias("harmony.channel.log-entry")]
public sealed record LogEntry
{
    /// <summary>The sequence number.</summary>
    [Id(0)] public long Seq { get; init; }

    /// <summary>The encoded, signed envelope.</summary>
    [Id(1)] public required byte[] Envelope { get; init; }

    /// <summary>When the server accepted it.</summary>
    [Id(2)] public DateTimeOffset ReceivedAt { get; init; }
}
