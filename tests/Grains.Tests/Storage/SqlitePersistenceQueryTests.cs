using Harmony.Grains.Storage.Schema;
using Harmony.Grains.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Harmony.Grains.Tests.Storage;

/// <summary>The persistence query contract on SQLite.</summary>
public sealed class SqlitePersistenceQueryTests : PersistenceQueryContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    protected override async Task<OrleansQueryRunner> RunnerAsync()
    {
        var connectionString = $"Data Source={Path.Combine(_directory.Path, "q.db")}";
        await SchemaInstaller.InstallSqliteAsync(connectionString);
        return new OrleansQueryRunner(() => new SqliteConnection(connectionString));
    }

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();
}
