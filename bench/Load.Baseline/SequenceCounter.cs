namespace Harmony.Bench.Load.Baseline;

/// <summary>Per-channel sequence numbers, so the baseline's events look like Harmony's.</summary>
public sealed class SequenceCounter
{
    private long _next;

    public long Next() => Interlocked.Increment(ref _next);
}
