using Harmony.Client.Chat;
using Harmony.Client.Tests.Infrastructure;
using Harmony.Core.Crypto;
using Harmony.Core.Protocol;

namespace Harmony.Client.Tests.Chat;

/// <summary>
/// Sends that meet a dropped connection or a refusal: once sealed, a message is queued and logged exactly once after
/// the node comes back; a permanent refusal shows on the local copy; threads wait for a still-queued root.
/// </summary>
public sealed class ChatSendRobustnessTests
{
    /// <summary>Stops a node; under load the graceful stop may time out, the node is down either way (as after a crash).</summary>
    private static void StopNode(NodeFactory node)
    {
        try { node.Dispose(); }
        catch (OperationCanceledException) { }
    }

    private static HarmonyChatOptions Options(NodeFactory node, string folder, string name, TimeSpan? pendingRootTimeout = null) => new()
    {
        Server = node.BaseAddress,
        DataDirectory = Path.Combine(folder, name),
        KeyPackagePoolTarget = 2,
        PendingRootTimeout = pendingRootTimeout ?? TimeSpan.FromSeconds(60),
        ConfigureConnection = o => o with { InitialBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromMilliseconds(500) },
    };

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "harmony-send-" + Guid.NewGuid().ToString("N"));

    private static void Cleanup(NodeFactory node, string folder)
    {
        StopNode(node);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static async Task<ChatMessage?> LocalAsync(HarmonyChatClient client, string channel, string id) =>
        (await client.LocalHistoryAsync(channel, 1000)).SingleOrDefault(m => m.Id == id);

    [Fact]
    public async Task A_send_while_the_node_goes_down_is_queued_then_logged_exactly_once_and_the_thread_waits_for_it()
    {
        var folder = NewFolder();
        var port = NodeFactory.FreePort();
        var node = new NodeFactory(Path.Combine(folder, "node"), port);
        using var aliceKey = Ed25519KeyPair.Generate();
        using var bobKey = Ed25519KeyPair.Generate();
        try
        {
            await using var alice = await HarmonyChatClient.ConnectAsync(Options(node, folder, "alice"), aliceKey);
            await using var bob = await HarmonyChatClient.ConnectAsync(Options(node, folder, "bob"), bobKey);
            var community = await alice.CreateCommunityAsync("Robust");
            var channel = community.Channels[0].Id;
            await bob.JoinAsync(await alice.CreateInviteAsync(community.Id, bob.Did));
            await Wait.UntilAsync(async () => await bob.GroupStatusAsync(channel) is not null, "bob to be added");
            var before = await alice.SendAsync(channel, "before");
            await Wait.UntilAsync(async () => (await LocalAsync(alice, channel, before))?.Seq > 0, "the first message to be logged");

            // The node goes away under the client: the sends below meet a connection that is dropping or gone.
            StopNode(node);
            var offline = await alice.SendAsync(channel, "while down");
            var reaction = await alice.ReactAsync(channel, before, "👍");
            var local = await LocalAsync(alice, channel, offline);
            Assert.NotNull(local);
            Assert.Equal((0L, true, null, "while down"), (local.Seq, local.Pending, local.SendError, local.Text));
            Assert.NotEqual(offline, reaction);

            // A thread on the still-queued root waits for it to be logged instead of failing with NotFound.
            var thread = alice.CreateThreadAsync(channel, offline);
            node = new NodeFactory(Path.Combine(folder, "node"), port);
            Assert.Equal(InvocationTargets.ThreadChannelId(channel, offline), await thread);

            local = await LocalAsync(alice, channel, offline);
            Assert.NotNull(local);
            Assert.True(local.Seq > 0);
            Assert.False(local.Pending);
            Assert.Null(local.SendError);

            // Exactly once in the server's log, and bob reads it (and the reaction sent while down). Bob reconnects on
            // his own schedule: ask only once his connection is back.
            await Wait.UntilAsync(() => Task.FromResult(bob.Connection.State == Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected), "bob to reconnect");
            var log = await bob.Connection.InvokeAsync<Protocol.LogPage>("Sync", [channel, 0L, 200, bob.CapabilityFor(community.Id)]);
            Assert.Single(log.Entries, e => EnvelopeCodec.Decode(e.Envelope).Id == offline);
            Assert.Single(log.Entries, e => EnvelopeCodec.Decode(e.Envelope).Id == reaction);
            var history = await bob.HistoryAsync(channel);
            var received = Assert.Single(history, m => m.Id == offline);
            Assert.Equal("while down", received.Text);
            Assert.Equal([alice.Did], Assert.Single(history, m => m.Id == before).Reactions["👍"]);
            Assert.Equal(0L, await alice.Connection.Store.CountQueuedAsync());
        }
        finally { Cleanup(node, folder); }
    }

    [Fact]
    public async Task A_permanent_refusal_marks_the_local_message_as_not_sent_and_does_not_block_the_queue()
    {
        var folder = NewFolder();
        var node = new NodeFactory(Path.Combine(folder, "node"), NodeFactory.FreePort(),
            new Dictionary<string, string> { ["Harmony:Gateway:MaxEnvelopeBytes"] = "4096" });
        using var aliceKey = Ed25519KeyPair.Generate();
        try
        {
            await using var alice = await HarmonyChatClient.ConnectAsync(Options(node, folder, "alice"), aliceKey);
            var community = await alice.CreateCommunityAsync("Refusals");
            var channel = community.Channels[0].Id;
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await using var failures = alice.ReadSendFailuresAsync(cts.Token).GetAsyncEnumerator(cts.Token);
            var nextFailure = failures.MoveNextAsync();

            // Within the client's text limit, over this node's envelope limit: the server refuses it for good.
            var tooLarge = await alice.SendAsync(channel, new string('x', 8000));
            Assert.True(await nextFailure);
            Assert.Equal((tooLarge, channel, ErrorCodes.TooLarge), (failures.Current.EnvelopeId, failures.Current.ChannelId, failures.Current.Error.Code));
            var local = await LocalAsync(alice, channel, tooLarge);
            Assert.NotNull(local);
            Assert.Equal(ErrorCodes.TooLarge, local.SendError?.Code);
            Assert.False(local.Pending);
            Assert.Equal(0L, local.Seq);

            var thread = await Assert.ThrowsAsync<HarmonyClientException>(() => alice.CreateThreadAsync(channel, tooLarge));
            Assert.Equal(ChatErrorCodes.RootNotSent, thread.Code);

            // The refused envelope left the queue: later messages still go through.
            var small = await alice.SendAsync(channel, "small");
            await Wait.UntilAsync(async () => (await LocalAsync(alice, channel, small))?.Seq > 0, "the next message to be logged");
            Assert.Equal(0L, await alice.Connection.Store.CountQueuedAsync());
            Assert.Equal(ErrorCodes.TooLarge, (await LocalAsync(alice, channel, tooLarge))?.SendError?.Code);
        }
        finally { Cleanup(node, folder); }
    }

    [Fact]
    public async Task A_thread_on_a_root_that_stays_queued_fails_with_a_typed_error_after_the_timeout()
    {
        var folder = NewFolder();
        var node = new NodeFactory(Path.Combine(folder, "node"), NodeFactory.FreePort());
        using var aliceKey = Ed25519KeyPair.Generate();
        try
        {
            await using var alice = await HarmonyChatClient.ConnectAsync(Options(node, folder, "alice", TimeSpan.FromSeconds(2)), aliceKey);
            var community = await alice.CreateCommunityAsync("Timeout");
            var channel = community.Channels[0].Id;
            StopNode(node);
            var root = await alice.SendAsync(channel, "never logged while down");
            var e = await Assert.ThrowsAsync<HarmonyClientException>(() => alice.CreateThreadAsync(channel, root));
            Assert.Equal(ChatErrorCodes.RootPending, e.Code);
            Assert.True((await LocalAsync(alice, channel, root))?.Pending);
        }
        finally { Cleanup(node, folder); }
    }
}
