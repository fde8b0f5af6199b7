using Harmony.Grains.Abstractions.Channel;

namespace Harmony.Gateway.Fanout;

/// <summary>The object behind the gateway's <see cref="IChannelObserver"/> reference: hands each batch to the fan-out's queues.</summary>
internal sealed class ChannelFanoutObserver(ChannelFanout fanout) : IChannelObserver
{
    public Task OnEventsAsync(ChannelEventBatch batch)
    {
        fanout.Enqueue(batch);
        return Task.CompletedTask;
    }
}
