using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Harmony.Grains.Storage;
using Harmony.Silo.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization;

namespace Harmony.Bench.Cluster;

/// <summary>A fresh database and a Harmony node on it (production <c>AddHarmonyNode</c> hosting, co-hosted silo); removed on dispose.</summary>
internal sealed class BenchNode : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _directory;
    private readonly string? _server;
    private readonly string? _database;

    private BenchNode(IHost host, string directory, string? server, string? database)
    {
        _host = host;
        _directory = directory;
        _server = server;
        _database = database;
    }

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>The message-log store the node's channel grains write to.</summary>
    public IMessageLogStore Store => _host.Services.GetRequiredService<IMessageLogStore>();

    public static async Task<BenchNode> StartAsync(string kind, string server)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "harmony-bench-" + Guid.NewGuid().ToString("N"))).FullName;
        var ports = FreePorts(2);
        var settings = new Dictionary<string, string?>
        {
            // Absolute: the node resolves a relative data directory against the working directory.
            ["Harmony:DataDirectory"] = Path.Combine(directory, "data"),
            ["Harmony:Cluster:ClusterId"] = "bench",
            ["Harmony:Cluster:SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["Harmony:Cluster:GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
        };
        string? database = null;
        if (kind == "postgres")
        {
            database = "harmony_bench_" + Guid.NewGuid().ToString("N");
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
                await create.ExecuteNonQueryAsync();
            }

            settings["Harmony:Storage"] = "Postgres";
            settings["Harmony:Postgres:ConnectionString"] = new NpgsqlConnectionStringBuilder(server)
            {
                Database = database,
                // Npgsql's default pool (100) lets 100 channels flushing at once exhaust the server's max_connections.
                MaxPoolSize = 20,
            }.ConnectionString;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddHarmonyNode(silo => silo.Services.AddSerializer(s => s.AddAssembly(typeof(PingGrain).Assembly)));
        var host = builder.Build();
        await host.StartAsync();
        return new BenchNode(host, directory, kind == "postgres" ? server : null, database);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
