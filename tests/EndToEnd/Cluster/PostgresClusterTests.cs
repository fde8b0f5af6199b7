using System.Collections.Concurrent;
using System.Text.Json;
using Harmony.Client;
using Harmony.Client.Connection;
using Harmony.Core.Protocol;
using Harmony.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Harmony.EndToEnd.Tests.Cluster;

/// <summary>
/// Scenario 3: two node processes form one Orleans cluster on a fresh PostgreSQL database and share the instance key;
/// a client on each node, messages flow both ways (raw signed envelopes through the connection layer, and MLS chat
/// through the SDK). Needs <c>HARMONY_TEST_POSTGRES</c>; without it the tests fail, they are never skipped.
/// </summary>
public sealed class PostgresClusterTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Envelopes_sent_on_either_node_reach_the_client_on_the_other_in_one_order()
    {
        output.WriteLine($"cluster of two nodes ready in {cluster.StartTime.TotalSeconds:0.0} s");
        using var alice = new HubUser();
        using var bob = new HubUser();
        await using var a = await alice.ConnectAsync(cluster.Node1);
        await using var b = await bob.ConnectAsync(cluster.Node2);
        var community = await RawCommunity.CreateAsync(alice, a);
        // Bob, on node 2, joins the community created on node 1.
        var bobCapability = await community.InviteAndJoinAsync(bob, b);

        var folder = Path.Combine(Path.GetTempPath(), "harmony-e2e-raw-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var aliceClient = await HarmonyConnection.CreateAsync(Options(cluster.Node1, Path.Combine(folder, "alice.db")), alice.Key);
            await using var bobClient = await HarmonyConnection.CreateAsync(Options(cluster.Node2, Path.Combine(folder, "bob.db")), bob.Key);
            await using var aliceInbox = new EnvelopeCollector(aliceClient);
            await using var bobInbox = new EnvelopeCollector(bobClient);
            await aliceClient.StartAsync();
            await bobClient.StartAsync();
            await aliceClient.WatchAsync(community.ChannelId, community.RootCapabilityId);
            await bobClient.WatchAsync(community.ChannelId, bobCapability);

            const int PerSide = 25;
            var sent = new List<string>();
            for (var i = 0; i < PerSide; i++)
            {
                var fromAlice = alice.Envelope(community.ChannelId, [0xA1, (byte)i]);
                var fromBob = bob.Envelope(community.ChannelId, [0xB0, (byte)i]);
                sent.Add(EnvelopeCodec.Decode(fromAlice).Id);
                sent.Add(EnvelopeCodec.Decode(fromBob).Id);
                await aliceClient.EnqueueEnvelopeAsync(fromAlice, community.RootCapabilityId);
                await bobClient.EnqueueEnvelopeAsync(fromBob, bobCapability);
            }

            await Wait.UntilAsync(() => aliceInbox.Ids.Count >= sent.Count && bobInbox.Ids.Count >= sent.Count, ChatScenario.StepTimeout, "both clients have every envelope",
                () => $"alice has {aliceInbox.Ids.Count}, bob has {bobInbox.Ids.Count} of {sent.Count}{Environment.NewLine}{cluster.Describe()}");
            Assert.Equal(sent.Order(StringComparer.Ordinal), aliceInbox.Ids.Order(StringComparer.Ordinal));
            Assert.Equal(sent.Order(StringComparer.Ordinal), bobInbox.Ids.Order(StringComparer.Ordinal));
            // One log, one order: both clients saw seq 1..N in the same sequence.
            Assert.Equal(Enumerable.Range(1, sent.Count).Select(i => (long)i), aliceInbox.Seqs);
            Assert.Equal(aliceInbox.Ids, bobInbox.Ids);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        }

        // The nodes share the instance key: a session token issued by node 1 opens node 2's hub.
        await using var crossNode = await HubUser.ConnectWithTokenAsync(cluster.Node2, await alice.LoginAsync(cluster.Node1));
        var page = await crossNode.InvokeAsync<JsonElement>("Sync", community.ChannelId, 0L, 200, community.RootCapabilityId);
        Assert.Equal(50, page.GetProperty("lastSeq").GetInt64());
    }

    [Fact]
    public async Task Chat_users_on_different_nodes_exchange_encrypted_messages_both_ways()
    {
        await using var alice = await ChatUser.ConnectAsync(cluster.Node1, "alice");
        await using var bob = await ChatUser.ConnectAsync(cluster.Node2, "bob");
        var (_, channel) = await ChatScenario.CommunityWithAsync(alice, bob);

        const int PerSide = 20;
        var sent = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        async Task SendAllAsync(ChatUser user)
        {
            for (var i = 0; i < PerSide; i++)
            {
                var text = $"{user.Name} via its node {i} {Guid.NewGuid():N}";
                sent[await user.Client.SendAsync(channel, text)] = text;
            }
        }
        await Task.WhenAll(SendAllAsync(alice), SendAllAsync(bob));

        var seenByAlice = await ChatScenario.HistoryWithAsync(alice, channel, sent.Keys.ToList(), cluster.Describe);
        var seenByBob = await ChatScenario.HistoryWithAsync(bob, channel, sent.Keys.ToList(), cluster.Describe);
        foreach (var seen in new[] { seenByAlice, seenByBob })
        {
            Assert.Equal(sent.Keys.Order(StringComparer.Ordinal), seen.Select(m => m.Id).Order(StringComparer.Ordinal));
            Assert.All(seen, m => Assert.True(m.DecryptionError is null && m.Text == sent[m.Id], $"{m.Id}: text={m.Text} error={m.DecryptionError}"));
        }
        Assert.Equal(seenByAlice.Select(m => m.Id), seenByBob.Select(m => m.Id));
        output.WriteLine($"{sent.Count} encrypted messages exchanged across the two nodes");
    }

    private static HarmonyClientOptions Options(ServerProcess server, string database) => new()
    {
        Server = server.BaseAddress,
        DatabasePath = database,
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(1),
    };
}
