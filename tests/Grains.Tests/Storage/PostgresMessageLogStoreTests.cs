using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Postgres;
using Harmony.Grains.Storage.Schema;
using Harmony.Grains.Tests.Infrastructure;
using Npgsql;

namespace Harmony.Grains.Tests.Storage;

/// <summary>The log-store contract on a fresh PostgreSQL database.</summary>
public sealed class PostgresMessageLogStoreTests : MessageLogStoreContract
{
    private readonly PostgresTestDatabase _database = new();
    private readonly Dictionary<IMessageLogStore, NpgsqlDataSource> _sources = [];

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using (var setup = _database.CreateDataSource())
        {
            await SchemaInstaller.InstallPostgresAsync(setup);
        }

        await base.InitializeAsync();
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <inheritdoc />
    protected override Task<IMessageLogStore> OpenAsync()
    {
        var source = _database.CreateDataSource();
        var store = new PostgresMessageLogStore(source, Options);
        _sources[store] = source;
        return Task.FromResult<IMessageLogStore>(store);
    }

    /// <inheritdoc />
    protected override async ValueTask CloseAsync(IMessageLogStore store)
    {
        if (_sources.Remove(store, out var source))
        {
            await source.DisposeAsync();
        }
    }
}
