namespace Harmony.Grains.Abstractions.Channel;

/// <summary>Events of one channel delivered together to a gateway (see <see cref="IChannelObserver"/>).</summary>
[GenerateSerializer, Immutable, Alias("harmony.channel.event-batch")]
public sealed record ChannelEventBatch
{
    /// <summary>The channel id.</summary>
    [Id(0)] public required string ChannelId { get; init; }

    /// <summary>The events, in sequence order.</summary>
    [Id(1)] public required IReadOnlyList<ChannelEvent> Events { get; init; }
}
