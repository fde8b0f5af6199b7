using Harmony.Grains.Abstractions.Channel;

namespace Harmony.Grains.Channel;

/// <summary>
/// The gateway observers registered with one channel activation, each with a lease: a gateway renews its registration
/// periodically and one that stops renewing (it died) is dropped once its lease ran out. In memory only: a new
/// activation starts empty and gateways come back with their next renewal.
/// </summary>
internal sealed class ChannelWatchers(TimeProvider time, TimeSpan lease, int capacity)
{
    private readonly Dictionary<IChannelObserver, DateTimeOffset> _leases = [];

    public int Count => _leases.Count;

    /// <summary>Registers or renews <paramref name="observer"/>; false when the channel already has <c>capacity</c> others.</summary>
    public bool Add(IChannelObserver observer)
    {
        var now = time.GetUtcNow();
        if (!_leases.ContainsKey(observer))
        {
            Prune(now);
            if (_leases.Count >= capacity) return false;
        }
        _leases[observer] = now + lease;
        return true;
    }

    public void Remove(IChannelObserver observer) => _leases.Remove(observer);

    /// <summary>Sends <paramref name="batch"/> one way to every watcher whose lease holds (never waits for them).</summary>
    public void Deliver(ChannelEventBatch batch, Action<Exception> onFailure)
    {
        if (_leases.Count == 0) return;
        var now = time.GetUtcNow();
        Prune(now);
        foreach (var observer in _leases.Keys)
        {
            try
            {
                var sent = observer.OnEventsAsync(batch);
                if (!sent.IsCompletedSuccessfully) _ = ObserveAsync(sent, onFailure);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                onFailure(e);
            }
        }
    }

    private static async Task ObserveAsync(Task sent, Action<Exception> onFailure)
    {
        try { await sent; }
        catch (Exception e) when (e is not OutOfMemoryException) { onFailure(e); }
    }

    private void Prune(DateTimeOffset now)
    {
        List<IChannelObserver>? expired = null;
        foreach (var (observer, until) in _leases)
            if (until <= now) (expired ??= []).Add(observer);
        if (expired is null) return;
        foreach (var observer in expired) _leases.Remove(observer);
    }
}
