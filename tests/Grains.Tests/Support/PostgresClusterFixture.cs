using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Postgres;
using Harmony.Grains.Storage.Schema;
using Harmony.Grains.Tests.Infrastructure;
using Npgsql;

namespace Harmony.Grains.Tests.Support;

/// <summary>The grain cluster on a fresh PostgreSQL database (see <see cref="PostgresTestDatabase"/>).</summary>
public sealed class PostgresClusterFixture : ClusterFixture
{
    private readonly PostgresTestDatabase _database = new();
    private NpgsqlDataSource? _source;

    protected override async Task<IMessageLogStore> CreateStoreAsync()
    {
        await _database.InitializeAsync();
        _source = _database.CreateDataSource();
        await SchemaInstaller.InstallPostgresAsync(_source);
        return new PostgresMessageLogStore(_source);
    }

    protected override async Task DisposeStoreAsync()
    {
        if (_source is not null) await _source.DisposeAsync();
        await _database.DisposeAsync();
    }
}
