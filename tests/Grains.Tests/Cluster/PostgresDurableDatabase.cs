using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Postgres;
using Harmony.Grains.Storage.Schema;
using Harmony.Grains.Tests.Infrastructure;
using Harmony.Silo.Hosting;

namespace Harmony.Grains.Tests.Cluster;

/// <summary>A fresh PostgreSQL database (see <see cref="PostgresTestDatabase"/>); an unreachable server fails the tests.</summary>
public sealed class PostgresDurableDatabase : DurableDatabase
{
    private readonly PostgresTestDatabase _database = new();
    private readonly TempDirectory _root = new();

    /// <inheritdoc />
    public override string Name => "postgres";

    /// <inheritdoc />
    protected override string Invariant => AdoNetInvariants.Postgres;

    /// <inheritdoc />
    public override string ContentRoot => _root.Path;

    /// <inheritdoc />
    public override string ConnectionString => _database.ConnectionString;

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var dataSource = _database.CreateDataSource();
        await SchemaInstaller.InstallPostgresAsync(dataSource);
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _root.Dispose();
    }

    /// <inheritdoc />
    public override async Task<long> ScalarAsync(string sql) =>
        Convert.ToInt64(await _database.ScalarAsync<object>(sql), System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override async Task ExecuteAsync(string sql)
    {
        await using var dataSource = _database.CreateDataSource();
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <inheritdoc />
    public override IMessageLogStore OpenStore() => new OwnedPostgresStore(_database.CreateDataSource());

    /// <inheritdoc />
    public override Dictionary<string, string?> NodeSettings(string clusterId) => new()
    {
        ["Harmony:DataDirectory"] = Path.Combine(ContentRoot, "node-data"),
        ["Harmony:Storage"] = "Postgres",
        ["Harmony:Postgres:ConnectionString"] = _database.ConnectionString,
        ["Harmony:Cluster:Mode"] = "AdoNet",
        ["Harmony:Cluster:AdvertisedAddress"] = "127.0.0.1",
        ["Harmony:Cluster:ClusterId"] = clusterId,
        ["Harmony:Cluster:ServiceId"] = "harmony-cluster-test",
    };
}
