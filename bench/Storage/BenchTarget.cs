using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Postgres;
using Harmony.Grains.Storage.Schema;
using Harmony.Grains.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Harmony.Bench.Storage;

/// <summary>A fresh database with the Harmony schema and a log store on it; removed on dispose.</summary>
internal sealed class BenchTarget : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;
    private readonly NpgsqlDataSource? _dataSource;
    private readonly string? _serverConnectionString;
    private readonly string? _database;

    private BenchTarget(IMessageLogStore store, string? sqliteDirectory, NpgsqlDataSource? dataSource, string? server, string? database)
    {
        Store = store;
        _sqliteDirectory = sqliteDirectory;
        _dataSource = dataSource;
        _serverConnectionString = server;
        _database = database;
    }

    public IMessageLogStore Store { get; }

    public static async Task<BenchTarget> CreateAsync(string kind, string server)
    {
        if (kind == "PostgreSQL")
        {
            var database = "harmony_bench_" + Guid.NewGuid().ToString("N");
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
                await create.ExecuteNonQueryAsync();
            }

            var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
            await SchemaInstaller.InstallPostgresAsync(dataSource);
            return new BenchTarget(new PostgresMessageLogStore(dataSource), null, dataSource, server, database);
        }

        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "harmony-bench-" + Guid.NewGuid().ToString("N"))).FullName;
        var connectionString = $"Data Source={Path.Combine(directory, "bench.db")}";
        await SchemaInstaller.InstallSqliteAsync(connectionString);
        var mode = kind == "SQLite FULL" ? SqliteSynchronousMode.Full : SqliteSynchronousMode.Normal;
        return new BenchTarget(new SqliteMessageLogStore(connectionString, synchronous: mode), directory, null, null, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_serverConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        if (_sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }
    }
}
