using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Sqlite;
using Harmony.Grains.Tests.Infrastructure;
using Harmony.Grains.Tests.TestGrains;
using Harmony.Silo.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Harmony.Grains.Tests.Hosting;

/// <summary>The default node (localhost clustering, ADO.NET grain storage on an SQLite file) across restarts.</summary>
public sealed class SqliteNodeTests : IDisposable
{
    private readonly TempDirectory _root = new();

    private Dictionary<string, string?> Settings => new()
    {
        ["Harmony:DataDirectory"] = "node-data",
        ["Harmony:Cluster:ClusterId"] = "sqlite-test",
    };

    private string DatabasePath => Path.Combine(_root.Path, "node-data", "harmony.db");

    /// <inheritdoc />
    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Persistent_state_survives_a_full_node_restart_on_the_same_database()
    {
        await using (var first = await TestNode.StartAsync(Settings, _root.Path))
        {
            var counter = first.Grains.GetGrain<ICounterGrain>("alice");
            Assert.Equal((0, "", false), await counter.GetAsync());
            await counter.AddAsync(5, "one");
            await counter.AddAsync(7, "two");
            Assert.Equal(15, await counter.AddAsync(3, "three ✓"));
        }

        await using (var second = await TestNode.StartAsync(Settings, _root.Path))
        {
            var counter = second.Grains.GetGrain<ICounterGrain>("alice");
            Assert.Equal((15, "three ✓", true), await counter.GetAsync());
            // The ETag read back must let the next write through (version 3 -> 4).
            Assert.Equal(16, await counter.AddAsync(1, "four"));
            Assert.Equal((0, "", false), await second.Grains.GetGrain<ICounterGrain>("bob").GetAsync());
        }

        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Version, PayloadBinary, GrainIdExtensionString FROM OrleansStorage WHERE GrainTypeString LIKE '%counter%'";
        await using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "no OrleansStorage row for the counter grain");
        Assert.Equal(4L, reader.GetInt64(0));
        var payload = (byte[])reader.GetValue(1);
        // Orleans' binary serializer, not the provider's default JSON with assembly-qualified $type names.
        Assert.DoesNotContain("$type", System.Text.Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
        Assert.True(payload.Length < 100, $"payload of {payload.Length} bytes");
        Assert.False(reader.Read(), "more than one row for one grain");
    }

    [Fact]
    public async Task Cleared_state_stays_cleared_after_a_restart()
    {
        await using (var first = await TestNode.StartAsync(Settings, _root.Path))
        {
            var counter = first.Grains.GetGrain<ICounterGrain>("carol");
            await counter.AddAsync(9, "x");
            await counter.ClearAsync();
            Assert.Equal(2, await counter.AddAsync(2, "after clear"));
            await counter.ClearAsync();
        }

        await using (var second = await TestNode.StartAsync(Settings, _root.Path))
        {
            var counter = second.Grains.GetGrain<ICounterGrain>("carol");
            // Orleans reports a cleared record (row kept, payload NULL) as not existing, with the default state.
            Assert.Equal((0, "", false), await counter.GetAsync());
            // The version read back with the cleared row lets the next write update that row (no duplicate insert).
            Assert.Equal(1, await counter.AddAsync(1, "again"));
        }

        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), max(Version) FROM OrleansStorage WHERE GrainTypeString LIKE '%counter%'";
        await using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((1L, 5L), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    [Fact]
    public async Task The_node_registers_an_sqlite_log_store_on_its_database()
    {
        await using (var node = await TestNode.StartAsync(Settings, _root.Path))
        {
            var store = node.Services.GetRequiredService<IMessageLogStore>();
            Assert.IsType<SqliteMessageLogStore>(store);
            await store.AppendBatchAsync("general", [new LogEntry(1, "m1", 1, "did:key:z6Mk", 1, [1, 2, 3], DateTimeOffset.UnixEpoch)]);
            var info = node.Services.GetRequiredService<HarmonyNodeInfo>();
            Assert.Equal(DatabasePath, info.SqliteDatabasePath);
            Assert.Equal($"SQLite {DatabasePath}", info.StorageDescription);
        }

        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM harmony_channel_log WHERE channel = 'general'";
        Assert.Equal("m1", (string)command.ExecuteScalar()!);
    }

    [Fact]
    public async Task Grain_state_writes_and_log_appends_share_the_sqlite_file_without_busy_errors()
    {
        await using var node = await TestNode.StartAsync(Settings, _root.Path);
        var store = node.Services.GetRequiredService<IMessageLogStore>();

        // Orleans' storage connections and the log writer contend for SQLite's single write lock; both must wait for
        // it (busy timeout) rather than fail.
        var grainWrites = Enumerable.Range(0, 8).Select(g => Task.Run(async () =>
        {
            var counter = node.Grains.GetGrain<ICounterGrain>("busy-" + g);
            for (var i = 0; i < 15; i++)
            {
                await counter.AddAsync(1, "n");
            }
        }));
        var appends = Enumerable.Range(0, 4).Select(c => Task.Run(async () =>
        {
            for (var b = 0; b < 15; b++)
            {
                await store.AppendBatchAsync("busy-" + c, [.. Enumerable.Range(1, 5).Select(i => new LogEntry(b * 5 + i, $"m{b * 5 + i}", 1, "did:key:z", 1, new byte[64], DateTimeOffset.UnixEpoch))]);
            }
        }));
        await Task.WhenAll(grainWrites.Concat(appends));

        for (var g = 0; g < 8; g++)
        {
            Assert.Equal(15, (await node.Grains.GetGrain<ICounterGrain>("busy-" + g).GetAsync()).Value);
        }

        for (var c = 0; c < 4; c++)
        {
            Assert.Equal(75, await store.MaxSeqAsync("busy-" + c));
        }
    }

    [Fact]
    public async Task The_orleans_provider_refuses_microsoft_data_sqlite_as_an_invariant_name()
    {
        // Documents why the node passes "System.Data.SQLite": Orleans 10 maps that name to Microsoft.Data.Sqlite and
        // knows no other SQLite invariant.
        var settings = Settings;
        var failure = await Record.ExceptionAsync(async () =>
        {
            await using var node = await TestNode.StartAsync(settings, _root.Path, silo =>
                silo.Services.Configure<Orleans.Configuration.AdoNetGrainStorageOptions>("harmony", o => o.Invariant = "Microsoft.Data.Sqlite"));
            await node.Grains.GetGrain<ICounterGrain>("invariant").AddAsync(1, "x");
        });

        // Orleans 10.4.2 fails the silo start with a bare lookup error for the unknown name.
        var unknown = Assert.IsType<KeyNotFoundException>(failure);
        Assert.Contains("'Microsoft.Data.Sqlite'", unknown.Message, StringComparison.Ordinal);
    }
}
