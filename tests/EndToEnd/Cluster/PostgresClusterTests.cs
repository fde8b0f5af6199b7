using Harmony.Client;
using Harmony.Client.Connection;
using Harmony.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Harmony.EndToEnd.Tests.Cluster;

/// <summary>
/// Scenario 3: two node processes form one Orleans cluster on a fresh PostgreSQL database (ADO.NET membership) and
/// share <c>instance-key.json</c> as docs/cluster.md says; a client on each node, messages flow both ways.
/// Needs <c>HARMONY_TEST_POSTGRES</c>; without it the test fails (never skipped).
/// </summary>
public sealed class PostgresClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deliver = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_nodes_on_PostgreSQL_relay_messages_both_ways()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var clusterId = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        var settings = ServerProcessOptions.Cluster(database.ConnectionString, clusterId);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var node1 = await ServerProcess.StartAsync(new ServerProcessOptions { Name = "node-1", Settings = settings });
        output.WriteLine($"node 1 ready after {clock.Elapsed.TotalSeconds:0.0} s");
        // Nodes of one cluster share the instance key, so a session token from one node is valid on the other.
        var node2Data = Path.Combine(Path.GetTempPath(), "harmony-e2e-" + Guid.NewGuid().ToString("N")[..12], "data");
        Directory.CreateDirectory(node2Data);
        File.Copy(Path.Combine(node1.DataDirectory, "instance-key.json"), Path.Combine(node2Data, "instance-key.json"));
        await using var node2 = await ServerProcess.StartAsync(new ServerProcessOptions { Name = "node-2", Settings = settings, DataDirectory = node2Data });
        output.WriteLine($"node 2 ready after {clock.Elapsed.TotalSeconds:0.0} s");
        try
        {
            using var alice = new HubUser();
            using var bob = new HubUser();
            await using var a = await alice.ConnectAsync(node1);
            await using var b = await bob.ConnectAsync(node2);
            var community = await RawCommunity.CreateAsync(alice, a);
            // Bob, on node 2, reads the community created on node 1 and joins it.
            var bobCapability = await community.InviteAndJoinAsync(bob, b);

            var folder = Path.GetDirectoryName(node2Data)!;
            await using var aliceClient = await HarmonyConnection.CreateAsync(Options(node1, Path.Combine(folder, "alice.db")), alice.Key);
            await using var bobClient = await HarmonyConnection.CreateAsync(Options(node2, Path.Combine(folder, "bob.db")), bob.Key);
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
                sent.Add(Harmony.Core.Protocol.EnvelopeCodec.Decode(fromAlice).Id);
                sent.Add(Harmony.Core.Protocol.EnvelopeCodec.Decode(fromBob).Id);
                await aliceClient.EnqueueEnvelopeAsync(fromAlice, community.RootCapabilityId);
                await bobClient.EnqueueEnvelopeAsync(fromBob, bobCapability);
            }

            string Diagnostics() => $"alice has {aliceInbox.Ids.Count}, bob has {bobInbox.Ids.Count} of {sent.Count}{Environment.NewLine}{node1.Describe()}{Environment.NewLine}{node2.Describe()}";
            await Wait.UntilAsync(() => aliceInbox.Ids.Count >= sent.Count && bobInbox.Ids.Count >= sent.Count, Deliver, "both clients have every envelope", Diagnostics);
            Assert.Equal(sent.Order(StringComparer.Ordinal), aliceInbox.Ids.Order(StringComparer.Ordinal));
            Assert.Equal(sent.Order(StringComparer.Ordinal), bobInbox.Ids.Order(StringComparer.Ordinal));
            // One log, one order: both clients saw seq 1..N in the same sequence.
            Assert.Equal(Enumerable.Range(1, sent.Count).Select(i => (long)i), aliceInbox.Seqs);
            Assert.Equal(aliceInbox.Ids, bobInbox.Ids);
            output.WriteLine($"{sent.Count} envelopes relayed across two nodes, both ways, after {clock.Elapsed.TotalSeconds:0.0} s");

            // The instance key is shared: node 1's session token opens node 2's hub.
            var token = await alice.LoginAsync(node1);
            await using var crossNode = await HubUser.ConnectWithTokenAsync(node2, token);
            Assert.Equal(2 * PerSide, (await crossNode.InvokeAsync<System.Text.Json.JsonElement>("Sync", community.ChannelId, 0L, 200, community.RootCapabilityId))
                .GetProperty("lastSeq").GetInt64());
        }
        finally
        {
            await node2.DisposeAsync();
            try { Directory.Delete(Path.GetDirectoryName(node2Data)!, recursive: true); }
            catch (IOException) { }
        }
    }

    private static HarmonyClientOptions Options(ServerProcess server, string database) => new()
    {
        Server = server.BaseAddress,
        DatabasePath = database,
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(1),
    };
}
