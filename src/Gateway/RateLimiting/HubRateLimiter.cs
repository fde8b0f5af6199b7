using System.Collections.Concurrent;
using Harmony.Core.Protocol;
using Harmony.Gateway.Hosting;

namespace Harmony.Gateway.RateLimiting;

/// <summary>Token buckets per connection and per DID for hub calls; a refused call gets <c>RateLimited</c> with retryAfter.</summary>
public sealed class HubRateLimiter(HarmonyGatewayOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TokenBucket> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenBucket> _dids = new(StringComparer.Ordinal);

    /// <summary>Charges one call to <paramref name="connectionId"/> and <paramref name="did"/>.</summary>
    /// <exception cref="ProtocolException"><c>RateLimited</c> when either bucket is empty.</exception>
    public void Charge(string connectionId, string did)
    {
        var connection = _connections.GetOrAdd(connectionId, _ => new TokenBucket(options.ConnectionRate, time));
        if (!connection.TryTake(out var wait))
            throw new ProtocolException(ErrorCodes.RateLimited, "Too many calls on this connection.", wait);
        if (!_dids.TryGetValue(did, out var bucket))
        {
            if (_dids.Count >= options.MaxTrackedDids) EvictIdle();
            bucket = _dids.GetOrAdd(did, _ => new TokenBucket(options.DidRate, time));
        }
        if (!bucket.TryTake(out wait))
            throw new ProtocolException(ErrorCodes.RateLimited, "Too many calls for this identity.", wait);
    }

    /// <summary>Forgets a closed connection's bucket.</summary>
    public void Release(string connectionId) => _connections.TryRemove(connectionId, out _);

    private void EvictIdle()
    {
        // Full buckets carry no state worth keeping: forgetting them grants nothing a fresh bucket would not.
        foreach (var (key, bucket) in _dids)
            if (bucket.IsFull) _dids.TryRemove(key, out _);
    }
}
