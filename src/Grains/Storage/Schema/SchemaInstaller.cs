using Microsoft.Data.Sqlite;
using Npgsql;

namespace Harmony.Grains.Storage.Schema;

/// <summary>
/// Applies Harmony's set-up scripts (Orleans query catalogue, grain storage, clustering and reminder tables, channel
/// log) to a database. Every script is idempotent (<c>CREATE ... IF NOT EXISTS</c>, upserted query rows), so the
/// installer runs on every start; all scripts run in one transaction, serialized between processes (PostgreSQL:
/// transaction-scoped advisory lock; SQLite: <c>BEGIN IMMEDIATE</c>).
/// </summary>
public static class SchemaInstaller
{
    /// <summary>The PostgreSQL advisory lock key held while installing (ASCII "Harmony" + 0x01).</summary>
    public const long PostgresAdvisoryLockKey = 0x4861726D6F6E7901;

    /// <summary>
    /// Installs the SQLite schema into the database of <paramref name="connectionString"/> (the file is created if
    /// missing; its directory must exist) and switches it to WAL mode.
    /// </summary>
    public static Task InstallSqliteAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var scripts = SchemaScripts.For(DatabaseKind.Sqlite);
        return Task.Run(() =>
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using (var wal = connection.CreateCommand())
            {
                // journal_mode is persistent in the file and cannot change inside a transaction.
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                wal.ExecuteNonQuery();
            }

            using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var script in scripts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = script.Sql;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }, cancellationToken);
    }

    /// <summary>Installs the PostgreSQL schema through <paramref name="dataSource"/>.</summary>
    public static async Task InstallPostgresAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var scripts = SchemaScripts.For(DatabaseKind.Postgres);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            // Concurrent CREATE ... IF NOT EXISTS can still collide in the catalogue; silos starting together wait here.
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = PostgresAdvisoryLockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var script in scripts)
        {
            await using var command = new NpgsqlCommand(script.Sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
