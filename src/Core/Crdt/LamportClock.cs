namespace Harmony.Core.Crdt;

/// <summary>
/// A Lamport logical clock. <see cref="Tick"/> stamps a new local event; <see cref="Observe"/> moves the clock past
/// a time seen on a received entry, so anything stamped afterwards orders after it. Thread-safe (lock-free).
/// </summary>
public sealed class LamportClock
{
    private long _time;

    /// <summary>Creates a clock at <paramref name="start"/> (0 for a fresh replica, or the highest time it has seen).</summary>
    public LamportClock(long start = 0, long maxTime = CrdtLogOptions.DefaultMaxLamport)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, maxTime);
        _time = start;
        MaxTime = maxTime;
    }

    /// <summary>The highest time the clock may reach; by default 2^53 - 1 so every time stays exact in JavaScript.</summary>
    public long MaxTime { get; }

    /// <summary>The current time (the last one issued or observed).</summary>
    public long Current => Interlocked.Read(ref _time);

    /// <summary>Advances the clock and returns the new time for a local event. Throws <c>crdt.limit</c> at <see cref="MaxTime"/>.</summary>
    public long Tick()
    {
        while (true)
        {
            var current = Interlocked.Read(ref _time);
            if (current >= MaxTime) throw new CrdtException(CrdtException.LimitCode, "the Lamport clock reached its maximum");
            if (Interlocked.CompareExchange(ref _time, current + 1, current) == current) return current + 1;
        }
    }

    /// <summary>
    /// Merges a remote time: the clock becomes max(current, <paramref name="remote"/>) and that value is returned.
    /// Throws <c>crdt.limit</c> (and changes nothing) for a time above <see cref="MaxTime"/>.
    /// </summary>
    public long Observe(long remote)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(remote);
        if (remote > MaxTime) throw new CrdtException(CrdtException.LimitCode, $"Lamport time {remote} is above the maximum {MaxTime}");
        while (true)
        {
            var current = Interlocked.Read(ref _time);
            if (remote <= current) return current;
            if (Interlocked.CompareExchange(ref _time, remote, current) == current) return remote;
        }
    }
}
