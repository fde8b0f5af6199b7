using System.Collections.Concurrent;
using System.Threading.Channels;
using Harmony.Gateway.Hosting;
using Harmony.Gateway.Hubs;
using Harmony.Grains.Abstractions.Channel;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Harmony.Gateway.Fanout;

/// <summary>
/// Registers this gateway as ONE watcher (an <see cref="IChannelObserver"/> object reference) with every channel grain
/// that at least one local connection watches (reference-counted by connection; removed when the last watcher leaves
/// or disconnects), renews the registrations periodically, and forwards each event to the channel's SignalR groups
/// (one per shard, see <see cref="GroupName"/>). The grain calls the observer once per durable batch, directly (no
/// stream queue to poll). Each shard has a bounded queue between the observer and SignalR, so a slow connection never
/// holds up the grain's call; when a queue is full its oldest events are dropped. Delivery is best effort: clients repair gaps from the log by sequence number.
/// </summary>
public sealed partial class ChannelFanout : IAsyncDisposable
{
    private readonly IClusterClient _cluster;
    private readonly IHubContext<HarmonyHub> _hub;
    private readonly HarmonyGatewayOptions _options;
    private readonly ILogger<ChannelFanout> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    // Mutated under _gate; read without it by Enqueue, which must never wait behind a grain call.
    private readonly ConcurrentDictionary<string, Watch> _watches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byConnection = new(StringComparer.Ordinal);
    private readonly ChannelFanoutObserver _observer;
    private readonly IChannelObserver _reference;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _renewal;

    /// <summary>Creates the fan-out and its observer reference, and starts renewing registrations.</summary>
    public ChannelFanout(IClusterClient cluster, IHubContext<HarmonyHub> hub, HarmonyGatewayOptions options, ILogger<ChannelFanout> logger)
    {
        _cluster = cluster;
        _hub = hub;
        _options = options;
        _logger = logger;
        _observer = new ChannelFanoutObserver(this);
        _reference = cluster.CreateObjectReference<IChannelObserver>(_observer);
        _renewal = Task.Run(() => RenewLoopAsync(_stopping.Token));
    }

    /// <summary>
    /// The SignalR group of one shard of a channel's watchers. Each connection is in one shard of each channel it
    /// watches; each shard has its own queue and pump, so one channel's fan-out runs on several cores while every
    /// connection still gets the channel's events in order.
    /// </summary>
    public static string GroupName(string channelId, int shard) => "channel:" + channelId + "#" + shard.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Channels this gateway is registered with as a watcher.</summary>
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

    /// <summary>Adds <paramref name="connectionId"/> as a watcher of <paramref name="channelId"/>, registering with the grain on the first one.</summary>
    public async Task WatchAsync(string channelId, string connectionId)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_watches.TryGetValue(channelId, out var watch))
            {
                await Channel(channelId).AddWatcherAsync(_reference);
                watch = new Watch(channelId, _options.FanoutShards, _options.FanoutShardSize, _options.FanoutQueueCapacity, PumpAsync);
                _watches[channelId] = watch;
            }
            var shard = watch.Add(connectionId);
            // Group membership is local and immediate (under the gate, so an unwatch cannot interleave).
            await _hub.Groups.AddToGroupAsync(connectionId, GroupName(channelId, shard));
            if (!_byConnection.TryGetValue(connectionId, out var channels)) _byConnection[connectionId] = channels = new(StringComparer.Ordinal);
            channels.Add(channelId);
        }
        finally { _gate.Release(); }
    }

    /// <summary>Removes a watcher; unregisters from the grain when it was the last.</summary>
    public async Task UnwatchAsync(string channelId, string connectionId)
    {
        await _gate.WaitAsync();
        try
        {
            if (_byConnection.TryGetValue(connectionId, out var channels))
            {
                channels.Remove(channelId);
                if (channels.Count == 0) _byConnection.Remove(connectionId);
            }
            if (_watches.TryGetValue(channelId, out var watch) && watch.Shard(connectionId) is { } shard)
                await _hub.Groups.RemoveFromGroupAsync(connectionId, GroupName(channelId, shard));
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

    /// <summary>Queues events the grain delivered (called by the observer; never blocks the caller).</summary>
    internal void Enqueue(ChannelEventBatch batch)
    {
        if (!_watches.TryGetValue(batch.ChannelId, out var watch)) return;
        foreach (var e in batch.Events) watch.Enqueue(e);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try { await _renewal; }
        catch (OperationCanceledException) { }
        try { _cluster.DeleteObjectReference<IChannelObserver>(_reference); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The silo stopped first; the reference died with it.
            LogUnwatchFailed(_logger, e, "*");
        }
        _stopping.Dispose();
    }

    private async Task ReleaseAsync(string channelId, string connectionId)
    {
        if (!_watches.TryGetValue(channelId, out var watch) || !watch.Remove(connectionId) || watch.Count > 0) return;
        _watches.TryRemove(channelId, out _);
        watch.Complete();
        try { await Channel(channelId).RemoveWatcherAsync(_reference); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The registration expires with its lease anyway.
            LogUnwatchFailed(_logger, e, channelId);
        }
    }

    /// <summary>
    /// Renews every registration well within the grains' lease; this also re-registers with a channel grain that was
    /// reactivated (for example on another silo after a failure), which starts with no watchers.
    /// </summary>
    private async Task RenewLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.FanoutRenewInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            string[] channels;
            await _gate.WaitAsync(cancellationToken);
            try { channels = [.. _watches.Keys]; }
            finally { _gate.Release(); }
            foreach (var channelId in channels)
            {
                try { await Channel(channelId).AddWatcherAsync(_reference); }
                catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
                {
                    LogRenewFailed(_logger, e, channelId);
                }
            }
        }
    }

    private IChannelGrain Channel(string channelId) => _cluster.GetGrain<IChannelGrain>(channelId);

    private async Task PumpAsync(ChannelReader<ChannelEvent> events, string group)
    {
        await foreach (var e in events.ReadAllAsync()) await ForwardAsync(e, group);
    }

    private async Task ForwardAsync(ChannelEvent e, string groupName)
    {
        try
        {
            var group = _hub.Clients.Group(groupName);
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
            LogForwardFailed(_logger, ex, e.ChannelId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unregistering from channel {Channel} failed")]
    private static partial void LogUnwatchFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the watch of channel {Channel} failed")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding an event of channel {Channel} failed")]
    private static partial void LogForwardFailed(ILogger logger, Exception exception, string channel);

    /// <summary>
    /// A watched channel: its local watchers, each assigned to a shard, and per used shard a bounded queue drained by
    /// one pump into the shard's group. Shard 0 takes the first <c>shardSize</c> connections, later ones go to the least
    /// filled shard, so small channels cost one pump and large ones use every shard. Mutated under the fan-out's gate;
    /// <see cref="Enqueue"/> runs without it.
    /// </summary>
    private sealed class Watch(string channelId, int shards, int shardSize, int capacity, Func<ChannelReader<ChannelEvent>, string, Task> pump)
    {
        private readonly Channel<ChannelEvent>?[] _queues = new Channel<ChannelEvent>?[shards];
        private readonly Task?[] _pumps = new Task?[shards];
        private readonly int[] _counts = new int[shards];
        private readonly Dictionary<string, int> _shardOf = new(StringComparer.Ordinal);

        public int Count => _shardOf.Count;

        public int? Shard(string connectionId) => _shardOf.TryGetValue(connectionId, out var shard) ? shard : null;

        /// <summary>Adds a connection (idempotent) and returns its shard.</summary>
        public int Add(string connectionId)
        {
            if (_shardOf.TryGetValue(connectionId, out var known)) return known;
            var shard = 0;
            if (_counts[0] >= shardSize)
            {
                for (var i = 1; i < shards; i++)
                    if (_counts[i] < _counts[shard]) shard = i;
            }
            if (_queues[shard] is null)
            {
                var queue = _queues[shard] = System.Threading.Channels.Channel.CreateBounded<ChannelEvent>(new BoundedChannelOptions(capacity)
                {
                    FullMode = BoundedChannelFullMode.DropOldest,
                    SingleReader = true,
                });
                var group = GroupName(channelId, shard);
                _pumps[shard] = Task.Run(() => pump(queue.Reader, group));
            }
            _shardOf[connectionId] = shard;
            Interlocked.Increment(ref _counts[shard]);
            return shard;
        }

        public bool Remove(string connectionId)
        {
            if (!_shardOf.Remove(connectionId, out var shard)) return false;
            Interlocked.Decrement(ref _counts[shard]);
            return true;
        }

        /// <summary>Queues an event for every shard that has connections.</summary>
        public void Enqueue(ChannelEvent e)
        {
            for (var i = 0; i < shards; i++)
                if (Volatile.Read(ref _counts[i]) > 0) Volatile.Read(ref _queues[i])?.Writer.TryWrite(e);
        }

        /// <summary>Ends the pumps once their queues are drained.</summary>
        public void Complete()
        {
            foreach (var queue in _queues) queue?.Writer.TryComplete();
        }
    }
}
