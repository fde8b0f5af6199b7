using Harmony.Core.Crdt;
using Xunit;

namespace Harmony.Core.Tests.Crdt;

public sealed class LamportClockTests
{
    [Fact]
    public void Tick_increments_and_observe_moves_past_remote_times()
    {
        var clock = new LamportClock();
        Assert.Equal(1, clock.Tick());
        Assert.Equal(2, clock.Tick());
        Assert.Equal(10, clock.Observe(10));
        Assert.Equal(10, clock.Observe(4));
        Assert.Equal(11, clock.Tick());
        Assert.Equal(11, clock.Current);
    }

    [Fact]
    public void Concurrent_ticks_never_repeat_a_time()
    {
        var clock = new LamportClock();
        var times = new long[4][];
        Parallel.For(0, 4, worker =>
        {
            times[worker] = new long[5_000];
            for (var i = 0; i < times[worker].Length; i++) times[worker][i] = clock.Tick();
        });
        var all = times.SelectMany(t => t).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(20_000, clock.Current);
    }

    [Fact]
    public void The_maximum_time_is_enforced()
    {
        var clock = new LamportClock(start: 9, maxTime: 10);
        Assert.Equal(10, clock.Tick());
        Assert.Equal("crdt.limit", Assert.Throws<CrdtException>(() => clock.Tick()).Code);
        Assert.Equal("crdt.limit", Assert.Throws<CrdtException>(() => new LamportClock(maxTime: 10).Observe(11)).Code);
        Assert.Equal((1L << 53) - 1, new LamportClock().MaxTime);
    }
}
