using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Schema;
using Harmony.Grains.Storage.Sqlite;
using Harmony.Grains.Tests.Infrastructure;
using Harmony.Silo.Hosting;
using Microsoft.Data.Sqlite;

namespace Harmony.Grains.Tests.Cluster;

/// <summary>An SQLite file in a temporary directory, laid out as a node's data directory (<c>node-data/harmony.db</c>).</summary>
public sealed class SqliteDurableDatabase : DurableDatabase
{
    private readonly TempDirectory _root = new();

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    protected override string Invariant => AdoNetInvariants.Sqlite;

    /// <inheritdoc />
    public override string ContentRoot => _root.Path;

    /// <inheritdoc />
    public override string ConnectionString =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(_root.Path, "node-data", "harmony.db") }.ToString();

    /// <inheritdoc />
    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "node-data"));
        return SchemaInstaller.InstallSqliteAsync(ConnectionString);
    }

    /// <inheritdoc />
    public override Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <inheritdoc />
    public override IMessageLogStore OpenStore() => new SqliteMessageLogStore(ConnectionString);

    /// <inheritdoc />
    public override Dictionary<string, string?> NodeSettings(string clusterId) => new()
    {
        ["Harmony:DataDirectory"] = Path.Combine(ContentRoot, "node-data"),
        ["Harmony:Storage"] = "Sqlite",
        ["Harmony:Cluster:ClusterId"] = clusterId,
        ["Harmony:Cluster:ServiceId"] = "harmony-cluster-test",
    };
}
