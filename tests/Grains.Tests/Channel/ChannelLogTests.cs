using System.Text.Json.Nodes;
using Harmony.Core.Protocol;
using Harmony.Grains.Abstractions;
using Harmony.Grains.Abstractions.Authorization;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Tests.Support;

namespace Harmony.Grains.Tests.Channel;

/// <summary>The channel log's behaviour, run on each database (see the subclasses).</summary>
public abstract class ChannelLogTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task Duplicate_envelope_ids_get_the_same_seq()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var cap = await s.JoinAsync(alice);
        var envelope = alice.SignEnvelope(s.ChannelA);

        var first = await s.AppendAsync(s.ChannelA, envelope, cap);
        await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: 2), cap);
        var again = await s.AppendAsync(s.ChannelA, envelope, cap);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => s.AppendAsync(s.ChannelA, envelope, cap)));

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.Seq, again.Seq);
        Assert.All(concurrent, r => Assert.Equal(first.Seq, r.Seq));
        var page = await s.Channel(s.ChannelA).ReadAsync(0, 10, CapabilityProof.ByReference(CommunityScenario.CapId(cap), alice.Did));
        Assert.Equal(2, page.Entries.Count);
    }

    [Fact]
    public async Task A_duplicate_written_before_the_activation_is_found_in_the_store()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var cap = await s.JoinAsync(alice);
        var envelope = alice.SignEnvelope(s.ChannelA);
        var first = await s.AppendAsync(s.ChannelA, envelope, cap);

        await fixture.Cluster.DeactivateAsync(s.Channel(s.ChannelA));
        var afterRestart = await s.AppendAsync(s.ChannelA, envelope, cap);
        var next = await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: 2), cap);

        Assert.True(afterRestart.Duplicate);
        Assert.Equal(first.Seq, afterRestart.Seq);
        Assert.Equal(first.Seq + 1, next.Seq);
    }

    [Fact]
    public async Task Concurrent_appends_share_group_commits_and_leave_no_gaps()
    {
        const int Count = 40;
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var cap = await s.JoinAsync(alice);
        var channel = s.Channel(s.ChannelA);
        var gate = fixture.Store.HoldNextBatch(s.ChannelA);

        var appends = Enumerable.Range(1, Count)
            .Select(i => s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: (ulong)i), cap))
            .ToList();
        // The first batch is held in the store; every other append must be verified and queued behind it.
        using (var cts = new CancellationTokenSource(Timeout))
            while ((await channel.GetInfoAsync()).PendingAppends < Count)
                cts.Token.ThrowIfCancellationRequested();
        Assert.All(appends, a => Assert.False(a.IsCompleted));
        gate.SetResult();
        var results = await Task.WhenAll(appends).WaitAsync(Timeout);

        Assert.Equal(Enumerable.Range(1, Count).Select(i => (long)i), results.Select(r => r.Seq).Order());
        var batches = fixture.Store.Batches(s.ChannelA);
        Assert.Equal(Count, batches.Sum());
        Assert.True(batches.Count < Count, $"{batches.Count} batches for {Count} appends");
        Assert.Equal([1, Count - 1], batches);
        var page = await channel.ReadAsync(0, 100, CapabilityProof.ByReference(CommunityScenario.CapId(cap), alice.Did));
        Assert.Equal(Enumerable.Range(1, Count).Select(i => (long)i), page.Entries.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_failed_write_acknowledges_nothing_and_leaves_no_gap()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var cap = await s.JoinAsync(alice);
        await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA), cap);
        var lost = alice.SignEnvelope(s.ChannelA, lamport: 2);

        fixture.Store.FailNextBatch(s.ChannelA);
        await Assert.ThrowsAsync<InvalidOperationException>(() => s.AppendAsync(s.ChannelA, lost, cap));
        var retried = await s.AppendAsync(s.ChannelA, lost, cap);
        var next = await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: 3), cap);

        Assert.False(retried.Duplicate);
        Assert.Equal(2, retried.Seq);
        Assert.Equal(3, next.Seq);
    }

    [Fact]
    public async Task Slow_mode_refuses_a_second_message_until_the_interval_has_passed()
    {
        var s = await CommunityScenario.CreateAsync(Client, slowMode: TimeSpan.FromSeconds(30));
        var alice = new Actor();
        var bob = new Actor();
        var aliceCap = await s.JoinAsync(alice);
        var bobCap = await s.JoinAsync(bob);
        var first = alice.SignEnvelope(s.ChannelA);
        await s.AppendAsync(s.ChannelA, first, aliceCap);

        var e = await Refused.WithAsync(ErrorCodes.SlowMode, () => s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: 2), aliceCap));
        Assert.NotNull(e.RetryAfter);
        Assert.InRange(e.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        await s.AppendAsync(s.ChannelA, bob.SignEnvelope(s.ChannelA), bobCap);
        await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, EnvelopeKind.ReactionAdd, Actor.IdOf(first), lamport: 3), aliceCap);

        fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        var later = await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: 4), aliceCap);
        Assert.Equal(4, later.Seq);
    }

    [Fact]
    public async Task A_registered_watcher_gets_each_durable_batch_in_seq_order_and_nothing_after_removal()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var cap = await s.JoinAsync(alice);
        var watcher = new RecordingObserver();
        var reference = Client.CreateObjectReference<IChannelObserver>(watcher);
        try
        {
            var lastSeq = await s.Channel(s.ChannelA).AddWatcherAsync(reference);
            Assert.Equal(0, lastSeq);
            var envelopes = Enumerable.Range(1, 20).Select(i => alice.SignEnvelope(s.ChannelA, lamport: (ulong)i)).ToList();
            // Concurrent appends share group commits: a batch arrives as one call.
            var results = await Task.WhenAll(envelopes.Select(e => s.AppendAsync(s.ChannelA, e, cap)));
            await s.Channel(s.ChannelA).TypingAsync(alice.Did, CapabilityProof.ByReference(CommunityScenario.CapId(cap)));
            // One-way calls to a client observer may overtake each other (the client holds several gateway
            // connections); receivers order by seq and repair gaps from the log, so wait for everything, then check.
            static IEnumerable<ChannelEvent> Logged(IReadOnlyList<ChannelEventBatch> batches) =>
                batches.SelectMany(b => b.Events).Where(e => e.Kind == ChannelEventKind.Envelope);
            await watcher.WaitUntilAsync(b => Logged(b).Count() >= 20 && b.Any(x => x.Events.Any(e => e.Kind == ChannelEventKind.Typing)), Timeout);

            var batches = watcher.Batches;
            var logged = Logged(batches).OrderBy(e => e.Seq).ToList();
            Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), logged.Select(e => e.Seq));
            Assert.Equal(envelopes.Zip(results).OrderBy(x => x.Second.Seq).Select(x => x.First), logged.Select(e => e.Envelope!));
            Assert.All(batches, b => Assert.Equal(s.ChannelA, b.ChannelId));
            Assert.All(batches, b => Assert.Equal(b.Events.Select(e => e.Seq).Order(), b.Events.Select(e => e.Seq))); // in seq order within a batch
            var page = await s.Channel(s.ChannelA).ReadAsync(0, 30, CapabilityProof.ByReference(CommunityScenario.CapId(cap), alice.Did));
            Assert.Equal(20, page.Entries.Count); // typing is never logged

            await s.Channel(s.ChannelA).RemoveWatcherAsync(reference);
            var before = watcher.Batches.Count;
            await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: 21), cap);
            // A second watcher registered after the append proves the channel finished publishing; the first got nothing.
            var probe = new RecordingObserver();
            var probeReference = Client.CreateObjectReference<IChannelObserver>(probe);
            await s.Channel(s.ChannelA).AddWatcherAsync(probeReference);
            await s.Channel(s.ChannelA).TypingAsync(alice.Did, CapabilityProof.ByReference(CommunityScenario.CapId(cap)));
            await probe.WaitForAsync(b => b.Events.Any(e => e.Kind == ChannelEventKind.Typing), Timeout);
            Assert.Equal(before, watcher.Batches.Count);
            Client.DeleteObjectReference<IChannelObserver>(probeReference);
        }
        finally
        {
            Client.DeleteObjectReference<IChannelObserver>(reference);
        }
    }

    [Fact]
    public async Task A_thread_is_a_child_channel_covered_by_the_parent_channels_capability()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        await s.JoinAsync(alice, null, Actions.Read);
        var cap = s.Owner.Delegate(s.Root, alice.Did, s.ChannelTarget(s.ChannelA), Actions.Read, Actions.SendMessage);
        await s.Community.RegisterCapabilityAsync(cap.ToJsonString());
        var root = alice.SignEnvelope(s.ChannelA);
        await s.AppendAsync(s.ChannelA, root, cap);
        var rootId = Actor.IdOf(root);

        var thread = await s.Channel(s.ChannelA).CreateThreadAsync(rootId, CapabilityProof.ByReference(CommunityScenario.CapId(cap), alice.Did));
        var again = await s.Channel(s.ChannelA).CreateThreadAsync(rootId, CapabilityProof.ByReference(CommunityScenario.CapId(cap), alice.Did));
        var reply = await s.AppendAsync(thread.ChannelId, alice.SignEnvelope(thread.ChannelId, thread: rootId), cap);

        Assert.Equal(thread.ChannelId, again.ChannelId);
        Assert.Equal(ChannelKind.Thread, thread.Kind);
        Assert.Equal(s.ChannelA, thread.ParentChannelId);
        Assert.Equal(1, reply.Seq);
        Assert.Contains(thread.ChannelId, (await s.Channel(s.ChannelA).GetInfoAsync()).Threads);
        await Refused.WithAsync(ErrorCodes.InvalidEnvelope, () => s.AppendAsync(thread.ChannelId, alice.SignEnvelope(thread.ChannelId), cap));
        await Refused.WithAsync(ErrorCodes.NotFound, () => s.Channel(s.ChannelA).CreateThreadAsync(new string('A', 43), CapabilityProof.ByReference(CommunityScenario.CapId(cap), alice.Did)));

        // A ban reaches the thread too.
        await s.Community.BanAsync(alice.Did, s.Owner.Invoke(s.Root, Actions.Ban, s.Target, new JsonObject { ["member"] = alice.Did }));
        await Refused.WithAsync(ErrorCodes.Banned, () => s.AppendAsync(thread.ChannelId, alice.SignEnvelope(thread.ChannelId, thread: rootId, lamport: 2), cap));
    }

    [Fact]
    public async Task Pins_follow_pin_and_unpin_envelopes()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var cap = await s.JoinAsync(alice);
        var message = alice.SignEnvelope(s.ChannelA);
        await s.AppendAsync(s.ChannelA, message, cap);

        await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, EnvelopeKind.Pin, Actor.IdOf(message), lamport: 2), cap);
        Assert.Equal([Actor.IdOf(message)], (await s.Channel(s.ChannelA).GetInfoAsync()).Pins);
        await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, EnvelopeKind.Unpin, Actor.IdOf(message), lamport: 3), cap);
        Assert.Empty((await s.Channel(s.ChannelA).GetInfoAsync()).Pins);
    }

    [Fact]
    public async Task Malformed_and_oversized_envelopes_are_refused_with_protocol_codes()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var cap = await s.JoinAsync(alice);

        await Refused.WithAsync(ErrorCodes.InvalidEnvelope, () => s.AppendAsync(s.ChannelA, [1, 2, 3], cap));
        await Refused.WithAsync(ErrorCodes.TooLarge, () => s.AppendAsync(s.ChannelA, new byte[ProtocolLimits.Default.MaxEnvelopeBytes + 1], cap));
        await Refused.WithAsync(ErrorCodes.BadRequest, () => s.Channel(s.ChannelA).ReadAsync(0, 100_000, CapabilityProof.ByReference(CommunityScenario.CapId(cap), alice.Did)));
        await Refused.WithAsync(ErrorCodes.NotFound, () => Client.GetGrain<IChannelGrain>("no-such-channel").AppendAsync(alice.SignEnvelope("no-such-channel"), CapabilityProof.ByReference(CommunityScenario.CapId(cap))));
    }
}
