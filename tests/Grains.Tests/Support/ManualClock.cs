namespace Harmony.Grains.Tests.Support;

/// <summary>The system clock plus an offset the tests advance, so slow mode can be tested without waiting.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
