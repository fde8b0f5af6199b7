using Harmony.Gateway.Hubs;
using Harmony.Gateway.Tests.Infrastructure;
using Harmony.Grains.Abstractions.Channel;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace Harmony.Gateway.Tests.Hubs;

/// <summary>
/// Two nodes in one cluster (ADO.NET clustering and storage on a fresh PostgreSQL database, shared instance key):
/// a session from one node is accepted by the other, and envelopes reach watchers on the other node (the channel grain
/// calls the other node's gateway watcher across silos). The server comes from <c>HARMONY_TEST_POSTGRES</c> (default:
/// the one .ci/run prepares).
/// </summary>
public sealed class ClusterFanoutTests : IAsyncLifetime
{
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=harmony;Password=harmony;Database=harmony_test";
    private readonly string _server = Environment.GetEnvironmentVariable("HARMONY_TEST_POSTGRES") is { Length: > 0 } s ? s : DefaultServer;
    private readonly string _database = "harmony_gw_" + Guid.NewGuid().ToString("N");
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "harmony-gw-cluster-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Envelopes_reach_watchers_on_another_node_and_sessions_work_on_both()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;
        var clusterId = "gw-" + Guid.NewGuid().ToString("N")[..8];
        Dictionary<string, string> Settings() => new()
        {
            ["Harmony:Storage"] = "Postgres",
            ["Harmony:Postgres:ConnectionString"] = connectionString,
            ["Harmony:Cluster:Mode"] = "AdoNet",
            ["Harmony:Cluster:ClusterId"] = clusterId,
            ["Harmony:Cluster:AdvertisedAddress"] = "127.0.0.1",
        };
        using var nodeA = new GatewayFactory(_dataDirectory, Settings());
        using var nodeB = new GatewayFactory(_dataDirectory, Settings());

        using var alice = new TestUser();
        using var bob = new TestUser();
        await using var a = await alice.ConnectAsync(nodeA);
        await using var b = await bob.ConnectAsync(nodeB, messagePack: true);
        var community = await Community.CreateAsync(alice, a);
        var bobCapability = await community.InviteAndJoinAsync(bob, b);

        var bobEvents = HubFlowTests.Events(b);
        await b.InvokeAsync<WatchResult>(nameof(HarmonyHub.Watch), community.ChannelId, bobCapability);
        var envelope = alice.Envelope(community.ChannelId);
        Assert.Equal(1, (await a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), envelope, community.RootCapabilityId, null)).Seq);
        var received = await Wait.ReadAsync(bobEvents, 20_000);
        Assert.Equal((community.ChannelId, 1L), (received.ChannelId, received.Seq));
        Assert.Equal(envelope, received.Envelope);

        // A token issued by node A opens the hub on node B (the nodes share the instance key).
        var token = await alice.LoginAsync(nodeA);
        using var http = nodeB.Http();
        var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hub/negotiate?negotiateVersion=1");
        negotiate.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.SendAsync(negotiate)).StatusCode);
    }

    public async Task InitializeAsync()
    {
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, true);
    }
}
