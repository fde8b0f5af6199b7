using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Schema;
using Harmony.Grains.Storage.Sqlite;
using Harmony.Grains.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Harmony.Grains.Tests.Storage;

/// <summary>The log-store contract on an SQLite file (WAL, synchronous=FULL).</summary>
public sealed class SqliteMessageLogStoreTests : MessageLogStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory.Path, "harmony.db") }.ToString();

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        await SchemaInstaller.InstallSqliteAsync(ConnectionString);
        await base.InitializeAsync();
    }

    /// <inheritdoc />
    protected override Task<IMessageLogStore> OpenAsync() => Task.FromResult<IMessageLogStore>(new SqliteMessageLogStore(ConnectionString, Options));

    /// <inheritdoc />
    protected override ValueTask CloseAsync(IMessageLogStore store) => ((SqliteMessageLogStore)store).DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_database_is_in_wal_mode_with_the_log_table()
    {
        await Store.AppendBatchAsync("c", [new LogEntry(1, "i", 1, "did:key:z", 1, [1], DateTimeOffset.UnixEpoch)]);
        await using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)command.ExecuteScalar()!);
        command.CommandText = "SELECT count(*) FROM harmony_channel_log";
        Assert.Equal(1L, (long)command.ExecuteScalar()!);
    }
}
