using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Schema;
using Harmony.Grains.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace Harmony.Grains.Tests.Storage;

/// <summary>The embedded schema and its installer: idempotent, safe when run concurrently, complete catalogue.</summary>
public sealed class SchemaInstallerTests
{
    // The query keys the Orleans 10.4 ADO.NET providers require (checked against the 10.4.2 binaries).
    private static readonly string[] PersistenceKeys = ["ClearStorageKey", "ReadFromStorageKey", "WriteToStorageKey"];

    private static readonly string[] ClusteringKeys =
    [
        "CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "InsertMembershipKey",
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
    ];

    private static readonly string[] ReminderKeys =
    [
        "DeleteReminderRowKey", "DeleteReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
        "ReadReminderRowsKey", "UpsertReminderRowKey",
    ];

    [Fact]
    public void Scripts_are_embedded_for_both_dialects_in_run_order()
    {
        Assert.Equal(
            ["001-orleans-query.sql", "002-orleans-persistence.sql", "010-harmony-channel-log.sql"],
            SchemaScripts.For(DatabaseKind.Sqlite).Select(s => s.Name));
        Assert.Equal(
            ["001-orleans-query.sql", "002-orleans-persistence.sql", "003-orleans-clustering.sql", "004-orleans-reminders.sql", "010-harmony-channel-log.sql"],
            SchemaScripts.For(DatabaseKind.Postgres).Select(s => s.Name));
    }

    [Fact]
    public async Task Sqlite_install_is_idempotent_and_leaves_the_persistence_catalogue()
    {
        using var directory = new TempDirectory();
        var connectionString = $"Data Source={Path.Combine(directory.Path, "h.db")}";

        await SchemaInstaller.InstallSqliteAsync(connectionString);
        await SchemaInstaller.InstallSqliteAsync(connectionString);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SchemaInstaller.InstallSqliteAsync(connectionString)));

        await using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Assert.Equal(PersistenceKeys, Strings(connection, "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey"));
        Assert.Equal(
            ["OrleansQuery", "OrleansStorage", "harmony_channel_log"],
            Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name COLLATE BINARY"));
        Assert.Equal(["wal"], Strings(connection, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Postgres_install_run_concurrently_from_several_nodes_leaves_one_complete_schema()
    {
        var database = new PostgresTestDatabase();
        await database.InitializeAsync();
        try
        {
            var sources = Enumerable.Range(0, 4).Select(_ => database.CreateDataSource()).ToArray();
            await Task.WhenAll(sources.Select(s => SchemaInstaller.InstallPostgresAsync(s)));
            await SchemaInstaller.InstallPostgresAsync(sources[0]);
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }

            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            Assert.Equal(
                PersistenceKeys.Concat(ClusteringKeys).Concat(ReminderKeys).Order(StringComparer.Ordinal),
                await StringsAsync(connection, "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\""));
            Assert.Equal(
                ["harmony_channel_log", "orleansmembershiptable", "orleansmembershipversiontable", "orleansquery", "orleansreminderstable", "orleansstorage"],
                await StringsAsync(connection, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name::text COLLATE \"C\""));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    private static async Task<List<string>> StringsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string>();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
