using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Channel;
using Harmony.Grains.Tests.Support;

namespace Harmony.Grains.Tests.Channel;

/// <summary>The lease bookkeeping of a channel's gateway watchers (no cluster: observers are local objects).</summary>
public sealed class ChannelWatchersTests
{
    private static readonly ChannelEventBatch Batch = new()
    {
        ChannelId = "c",
        Events = [new ChannelEvent { Kind = ChannelEventKind.Envelope, ChannelId = "c", Seq = 1, Envelope = [1, 2, 3] }],
    };

    [Fact]
    public void A_watcher_that_stops_renewing_is_dropped_when_its_lease_runs_out()
    {
        var clock = new ManualClock();
        var watchers = new ChannelWatchers(clock, TimeSpan.FromSeconds(90), capacity: 10);
        var renewing = new RecordingObserver();
        var dead = new RecordingObserver();
        Assert.True(watchers.Add(renewing));
        Assert.True(watchers.Add(dead));

        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.True(watchers.Add(renewing));
        watchers.Deliver(Batch, e => throw e);
        clock.Advance(TimeSpan.FromSeconds(60));
        watchers.Deliver(Batch, e => throw e);

        Assert.Equal(2, renewing.Batches.Count);
        Assert.Single(dead.Batches);
        Assert.Equal(1, watchers.Count);
    }

    [Fact]
    public void The_capacity_refuses_new_watchers_but_not_renewals_and_expired_ones_make_room()
    {
        var clock = new ManualClock();
        var watchers = new ChannelWatchers(clock, TimeSpan.FromSeconds(10), capacity: 2);
        var a = new RecordingObserver();
        var b = new RecordingObserver();
        Assert.True(watchers.Add(a));
        Assert.True(watchers.Add(b));

        Assert.False(watchers.Add(new RecordingObserver()));
        Assert.True(watchers.Add(a));
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.True(watchers.Add(new RecordingObserver()));
        watchers.Remove(a);
        Assert.Equal(1, watchers.Count);
    }

    [Fact]
    public void A_failing_watcher_is_reported_and_the_others_still_get_the_batch()
    {
        var watchers = new ChannelWatchers(new ManualClock(), TimeSpan.FromSeconds(10), capacity: 10);
        var good = new RecordingObserver();
        watchers.Add(new ThrowingObserver());
        watchers.Add(good);
        var failures = new List<Exception>();

        watchers.Deliver(Batch, failures.Add);

        Assert.Single(failures);
        Assert.Single(good.Batches);
    }

    private sealed class ThrowingObserver : IChannelObserver
    {
        public Task OnEventsAsync(ChannelEventBatch batch) => throw new InvalidOperationException("gateway gone");
    }
}
