using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Schema;
using Harmony.Grains.Storage.Sqlite;
using Harmony.Grains.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Harmony.Grains.Tests.Support;

/// <summary>The grain cluster on an SQLite file (schema installed by <see cref="SchemaInstaller"/>).</summary>
public sealed class SqliteClusterFixture : ClusterFixture
{
    private readonly TempDirectory _directory = new();
    private SqliteMessageLogStore? _store;

    protected override async Task<IMessageLogStore> CreateStoreAsync()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory.Path, "harmony.db") }.ToString();
        await SchemaInstaller.InstallSqliteAsync(connectionString);
        return _store = new SqliteMessageLogStore(connectionString);
    }

    protected override async Task DisposeStoreAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        _directory.Dispose();
    }
}
