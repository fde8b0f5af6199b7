using System.Threading.Channels;
using Harmony.Gateway.Hosting;
using Harmony.Gateway.Hubs;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Abstractions.Streams;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Harmony.Gateway.Fanout;

/// <summary>
/// Holds ONE Orleans stream subscription per channel that at least one local connection watches (reference-counted
/// by connection; released when the last watcher leaves or disconnects) and forwards each event to the channel's
/// SignalR group. Each channel has a bounded queue between the stream and SignalR, so a slow connection never holds
/// up the stream's pulling agent; when the queue is full the oldest events are dropped. Delivery is best effort:
/// clients repair gaps from the log by sequence number.
/// </summary>
public sealed class ChannelFanout(IClusterClient cluster, IHubContext<HarmonyHub> hub, HarmonyGatewayOptions options, ILogger<ChannelFanout> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Watch> _watches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byConnection = new(StringComparer.Ordinal);

    /// <summary>The SignalR group of a channel's watchers.</summary>
    public static string GroupName(string channelId) => "channel:" + channelId;

    /// <summary>Channels with a live stream subscription on this gateway.</summary>
    public IReadOnlyCollection<string> SubscribedChannels
    {
        get
        {
            _gate.Wait();
            try { return [.. _watches.Keys]; }
            finally { _gate.Release(); }
        }
    }

    /// <summary>How many channels <paramref name="connectionId"/> watches.</summary>
    public int CountWatched(string connectionId)
    {
        _gate.Wait();
        try { return _byConnection.TryGetValue(connectionId, out var set) ? set.Count : 0; }
        finally { _gate.Release(); }
    }

    /// <summary>Adds <paramref name="connectionId"/> as a watcher of <paramref name="channelId"/>, subscribing on the first one.</summary>
    public async Task WatchAsync(string channelId, string connectionId)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_watches.TryGetValue(channelId, out var watch))
            {
                var queue = Channel.CreateBounded<ChannelEvent>(new BoundedChannelOptions(options.FanoutQueueCapacity)
                {
                    FullMode = BoundedChannelFullMode.DropOldest,
                    SingleReader = true,
                });
                var handle = await Stream(channelId).SubscribeAsync((e, _) =>
                {
                    queue.Writer.TryWrite(e);
                    return Task.CompletedTask;
                });
                watch = new Watch(handle, queue, Task.Run(() => PumpAsync(queue.Reader)));
                _watches[channelId] = watch;
            }
            watch.Connections.Add(connectionId);
            if (!_byConnection.TryGetValue(connectionId, out var channels)) _byConnection[connectionId] = channels = new(StringComparer.Ordinal);
            channels.Add(channelId);
        }
        finally { _gate.Release(); }
        await hub.Groups.AddToGroupAsync(connectionId, GroupName(channelId));
    }

    /// <summary>Removes a watcher; unsubscribes when it was the last.</summary>
    public async Task UnwatchAsync(string channelId, string connectionId)
    {
        await hub.Groups.RemoveFromGroupAsync(connectionId, GroupName(channelId));
        await _gate.WaitAsync();
        try
        {
            if (_byConnection.TryGetValue(connectionId, out var channels))
            {
                channels.Remove(channelId);
                if (channels.Count == 0) _byConnection.Remove(connectionId);
            }
            await ReleaseAsync(channelId, connectionId);
        }
        finally { _gate.Release(); }
    }

    /// <summary>Removes a closed connection from every channel it watched.</summary>
    public async Task DisconnectAsync(string connectionId)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_byConnection.Remove(connectionId, out var channels)) return;
            foreach (var channelId in channels) await ReleaseAsync(channelId, connectionId);
        }
        finally { _gate.Release(); }
    }

    private async Task ReleaseAsync(string channelId, string connectionId)
    {
        if (!_watches.TryGetValue(channelId, out var watch) || !watch.Connections.Remove(connectionId) || watch.Connections.Count > 0) return;
        _watches.Remove(channelId);
        watch.Queue.Writer.TryComplete();
        try { await watch.Handle.UnsubscribeAsync(); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The subscription may already be gone (silo restart); nothing else holds it.
            logger.LogWarning(e, "Unsubscribing from channel {Channel} failed", channelId);
        }
    }

    private IAsyncStream<ChannelEvent> Stream(string channelId) =>
        cluster.GetStreamProvider(StreamNames.Provider).GetStream<ChannelEvent>(StreamId.Create(StreamNames.ChannelNamespace, channelId));

    private async Task PumpAsync(ChannelReader<ChannelEvent> events)
    {
        await foreach (var e in events.ReadAllAsync()) await ForwardAsync(e);
    }

    private async Task ForwardAsync(ChannelEvent e)
    {
        try
        {
            var group = hub.Clients.Group(GroupName(e.ChannelId));
            if (e.Kind == ChannelEventKind.Envelope && e.Envelope is { } envelope)
                await group.SendAsync(HubEvents.Envelope, new EnvelopeEvent(e.ChannelId, e.Seq, envelope));
            else if (e.Kind == ChannelEventKind.Typing && e.Typist is { } typist)
                await group.SendAsync(HubEvents.Typing, new TypingEvent(e.ChannelId, typist));
            else if (e.Kind == ChannelEventKind.Membership && e.Member is { } member)
                await group.SendAsync(HubEvents.Membership, new MembershipEvent(e.ChannelId, member, e.Joined));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Best effort: a failed push is repaired by the client's seq-gap sync.
            logger.LogWarning(ex, "Forwarding an event of channel {Channel} failed", e.ChannelId);
        }
    }

    private sealed class Watch(StreamSubscriptionHandle<ChannelEvent> handle, Channel<ChannelEvent> queue, Task pump)
    {
        public StreamSubscriptionHandle<ChannelEvent> Handle { get; } = handle;

        public Channel<ChannelEvent> Queue { get; } = queue;

        /// <summary>Forwards the queue to SignalR; ends once the queue is completed and drained.</summary>
        public Task Pump { get; } = pump;

        public HashSet<string> Connections { get; } = new(StringComparer.Ordinal);
    }
}
