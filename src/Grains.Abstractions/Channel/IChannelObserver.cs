namespace Harmony.Grains.Abstractions.Channel;

/// <summary>
/// A gateway's receiver of a channel's live events, registered with the channel grain by
/// <see cref="IChannelGrain.AddWatcherAsync"/> (an object reference made with <c>CreateObjectReference</c>). The grain
/// calls it once per group-commit batch, one way and best effort: clients repair any gap from the log by sequence number.
/// </summary>
[Alias("harmony.channel.observer")]
public interface IChannelObserver : IGrainObserver
{
    /// <summary>Events of one channel in sequence order: the envelopes of one durable batch, or one typing or membership signal.</summary>
    [OneWay, Alias("on-events")]
    Task OnEventsAsync(ChannelEventBatch batch);
}
