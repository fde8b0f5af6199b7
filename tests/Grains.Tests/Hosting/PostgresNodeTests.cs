using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Postgres;
using Harmony.Grains.Tests.Infrastructure;
using Harmony.Grains.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Harmony.Grains.Tests.Hosting;

/// <summary>
/// Cluster mode: ADO.NET clustering, grain storage and reminders on a fresh PostgreSQL database, with real silos
/// (two nodes in this process, real TCP between them).
/// </summary>
public sealed class PostgresNodeTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan ConditionTimeout = TimeSpan.FromSeconds(30);
    private readonly PostgresTestDatabase _database = new();
    private readonly TempDirectory _root = new();

    /// <inheritdoc />
    public Task InitializeAsync() => _database.InitializeAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => _database.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _root.Dispose();

    private Dictionary<string, string?> Settings(string clusterId) => new()
    {
        ["Harmony:DataDirectory"] = "node-data",
        ["Harmony:Storage"] = "Postgres",
        ["Harmony:Postgres:ConnectionString"] = _database.ConnectionString,
        ["Harmony:Cluster:Mode"] = "AdoNet",
        ["Harmony:Cluster:AdvertisedAddress"] = "127.0.0.1",
        ["Harmony:Cluster:ClusterId"] = clusterId,
        ["Harmony:Cluster:ServiceId"] = "harmony-pg-test",
    };

    [Fact]
    public async Task Two_silos_find_each_other_through_the_membership_table()
    {
        var clusterId = "c-" + Guid.NewGuid().ToString("N");
        // Both start at once: their schema installers and membership inserts race on purpose.
        var starting = new[] { TestNode.StartAsync(Settings(clusterId), _root.Path), TestNode.StartAsync(Settings(clusterId), _root.Path) };
        var nodes = await Task.WhenAll(starting);
        try
        {
            Assert.Equal(2L, await _database.ScalarAsync<long>(
                $"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{clusterId}' AND Status = 3"));

            foreach (var node in nodes)
            {
                var management = node.Grains.GetGrain<IManagementGrain>(0);
                var deadline = DateTime.UtcNow + ConditionTimeout;
                var active = 0;
                while (DateTime.UtcNow < deadline && (active = (await management.GetHosts(onlyActive: true)).Count) != 2)
                {
                    await Task.Yield();
                }

                Assert.Equal(2, active);
            }

            // Grains of one silo are reachable from the other: a call lands wherever the grain lives.
            var counter = nodes[0].Grains.GetGrain<ICounterGrain>("shared");
            await counter.AddAsync(4, "from A");
            Assert.Equal((4, "from A", true), await nodes[1].Grains.GetGrain<ICounterGrain>("shared").GetAsync());
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }

        // A graceful stop marks both rows Dead (6).
        Assert.Equal(2L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{clusterId}' AND Status = 6"));
    }

    [Fact]
    public async Task Persistent_state_survives_a_full_cluster_restart_on_the_same_database()
    {
        await using (var first = await TestNode.StartAsync(Settings("c-" + Guid.NewGuid().ToString("N")), _root.Path))
        {
            var counter = first.Grains.GetGrain<ICounterGrain>("dave");
            await counter.AddAsync(20, "a");
            Assert.Equal(22, await counter.AddAsync(2, "b"));
            Assert.IsType<PostgresMessageLogStore>(first.Services.GetRequiredService<IMessageLogStore>());
        }

        await using (var second = await TestNode.StartAsync(Settings("c-" + Guid.NewGuid().ToString("N")), _root.Path))
        {
            var counter = second.Grains.GetGrain<ICounterGrain>("dave");
            Assert.Equal((22, "b", true), await counter.GetAsync());
            Assert.Equal(23, await counter.AddAsync(1, "c"));
            await second.Grains.GetGrain<ICounterGrain>("erin").AddAsync(1, "e");
            await second.Grains.GetGrain<ICounterGrain>("erin").ClearAsync();
        }

        // dave: three writes (versions 1..3); erin: one write then a clear (payload NULL, version 2).
        Assert.Equal(2L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM OrleansStorage WHERE ServiceId = 'harmony-pg-test' AND GrainTypeString LIKE '%counter%'"));
        Assert.Equal(1L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM OrleansStorage WHERE ServiceId = 'harmony-pg-test' AND PayloadBinary IS NOT NULL AND Version = 3"));
        Assert.Equal(1L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM OrleansStorage WHERE ServiceId = 'harmony-pg-test' AND PayloadBinary IS NULL AND Version = 2"));
    }

    [Fact]
    public async Task Reminders_round_trip_through_the_reminder_table_across_a_restart()
    {
        var grainKey = "probe-" + Guid.NewGuid().ToString("N");
        await using (var first = await TestNode.StartAsync(Settings("c-" + Guid.NewGuid().ToString("N")), _root.Path))
        {
            var probe = first.Grains.GetGrain<IReminderProbeGrain>(grainKey);
            await probe.RegisterAsync("daily");
            await probe.RegisterAsync("hourly");
            await probe.RegisterAsync("hourly");
            Assert.Equal(["daily", "hourly"], await probe.NamesAsync());
        }

        Assert.Equal(2L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM OrleansRemindersTable WHERE GrainId LIKE '%{grainKey}' AND ServiceId = 'harmony-pg-test'"));
        Assert.Equal(1, await _database.ScalarAsync<int>(
            $"SELECT Version FROM OrleansRemindersTable WHERE GrainId LIKE '%{grainKey}' AND ReminderName = 'hourly'"));

        await using (var second = await TestNode.StartAsync(Settings("c-" + Guid.NewGuid().ToString("N")), _root.Path))
        {
            var probe = second.Grains.GetGrain<IReminderProbeGrain>(grainKey);
            Assert.Equal(["daily", "hourly"], await probe.NamesAsync());
            await probe.UnregisterAsync("daily");
            Assert.Equal(["hourly"], await probe.NamesAsync());
        }

        Assert.Equal(0L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM OrleansRemindersTable WHERE GrainId LIKE '%{grainKey}' AND ReminderName = 'daily'"));
    }

    [Fact]
    public async Task A_single_postgres_node_with_localhost_clustering_keeps_reminders_in_the_database()
    {
        var clusterId = "c-" + Guid.NewGuid().ToString("N");
        var settings = Settings(clusterId);
        settings["Harmony:Cluster:Mode"] = "Localhost";
        var grainKey = "single-" + Guid.NewGuid().ToString("N");

        await using (var node = await TestNode.StartAsync(settings, _root.Path))
        {
            await node.Grains.GetGrain<IReminderProbeGrain>(grainKey).RegisterAsync("weekly");
            Assert.Equal(5, await node.Grains.GetGrain<ICounterGrain>(grainKey).AddAsync(5, "pg"));
        }

        Assert.Equal(0L, await _database.ScalarAsync<long>($"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{clusterId}'"));
        Assert.Equal(1L, await _database.ScalarAsync<long>($"SELECT count(*) FROM OrleansRemindersTable WHERE GrainId LIKE '%{grainKey}'"));
    }
}
