using Harmony.Client.Chat;
using Harmony.Client.Tests.Infrastructure;
using Harmony.Core.Crypto;

namespace Harmony.Client.Tests.Chat;

public sealed class ChatReconnectTests
{
    /// <summary>
    /// Stops a node. Under load the silo's graceful stop can exceed the host's shutdown timeout; the node is down
    /// either way (as after a crash), which is what the test needs.
    /// </summary>
    private static void StopNode(NodeFactory node)
    {
        try { node.Dispose(); }
        catch (OperationCanceledException) { }
    }

    [Fact]
    public async Task Tail_delivers_live_messages_across_a_server_restart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "harmony-chat-restart-" + Guid.NewGuid().ToString("N"));
        var port = NodeFactory.FreePort();
        var node = new NodeFactory(Path.Combine(folder, "node"), port);
        using var aliceKey = Ed25519KeyPair.Generate();
        using var bobKey = Ed25519KeyPair.Generate();
        HarmonyChatOptions Options(string name) => new()
        {
            Server = node.BaseAddress,
            DataDirectory = Path.Combine(folder, name),
            KeyPackagePoolTarget = 2,
            ConfigureConnection = o => o with { InitialBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromMilliseconds(500) },
        };
        try
        {
            await using var alice = await HarmonyChatClient.ConnectAsync(Options("alice"), aliceKey);
            await using var bob = await HarmonyChatClient.ConnectAsync(Options("bob"), bobKey);
            var community = await alice.CreateCommunityAsync("Live");
            var channel = community.Channels[0].Id;
            await bob.JoinAsync(await alice.CreateInviteAsync(community.Id, bob.Did));
            await Wait.UntilAsync(async () => await bob.GroupStatusAsync(channel) is not null, "bob to be added");

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await using var tail = bob.TailAsync(channel, cts.Token).GetAsyncEnumerator(cts.Token);
            var first = tail.MoveNextAsync();
            var one = await alice.SendAsync(channel, "one");
            Assert.True(await first);
            Assert.Equal((one, "one"), (tail.Current.Id, tail.Current.Text));

            StopNode(node);
            node = new NodeFactory(Path.Combine(folder, "node"), port);

            // Sent (queued) while the clients may still be reconnecting.
            var two = await alice.SendAsync(channel, "two");
            Assert.True(await tail.MoveNextAsync());
            Assert.Equal((two, "two"), (tail.Current.Id, tail.Current.Text));
            Assert.True(tail.Current.Seq > 0);
        }
        finally
        {
            StopNode(node);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, true); }
            catch (IOException) { }
        }
    }
}
