using System.Collections.Concurrent;

namespace Harmony.Core.Capabilities;

/// <summary>
/// A process-local replay cache: entries live until their expiry (by <see cref="TimeProvider"/>), expired entries are
/// swept when the cache grows, and a full cache refuses new nonces (<see cref="CapabilityErrorCodes.ReplayCacheFull"/>)
/// rather than forgetting live ones.
/// </summary>
public sealed class InMemoryNonceStore(TimeProvider? time = null, int capacity = 1_000_000) : INonceStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _sweepLock = new();
    private long _nextSweepTicks;

    /// <summary>Least time between two sweeps of expired entries (a full cache sweeps at once).</summary>
    public static TimeSpan SweepInterval { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Number of entries currently held (expired ones included until the next sweep).</summary>
    public int Count => _entries.Count;

    /// <inheritdoc />
    public ValueTask<bool> TryRecordAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        if (now.UtcTicks >= Interlocked.Read(ref _nextSweepTicks) || _entries.Count >= capacity) Sweep(now);
        while (true)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                if (existing > now) return ValueTask.FromResult(false);
                // An expired entry may be replaced, but only by the one caller that wins the swap.
                if (_entries.TryUpdate(key, expiresAt, existing)) return ValueTask.FromResult(true);
                continue;
            }
            if (_entries.Count >= capacity)
                throw new CapabilityException(CapabilityErrorCodes.ReplayCacheFull, "The replay cache is full; try again later.");
            if (_entries.TryAdd(key, expiresAt)) return ValueTask.FromResult(true);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        lock (_sweepLock)
        {
            Interlocked.Exchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks);
            foreach (var (key, expiry) in _entries)
                if (expiry <= now) _entries.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expiry));
        }
    }
}
