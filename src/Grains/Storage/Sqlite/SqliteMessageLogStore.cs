using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Harmony.Grains.Storage.Sqlite;

/// <summary>
/// <see cref="IMessageLogStore"/> on an SQLite file in WAL mode. SQLite admits one writer at a time, so all appends
/// go through one long-lived writer connection guarded by a lock (callers queue on it); reads use pooled connections
/// and run concurrently with the writer thanks to WAL. The schema must have been installed
/// (<see cref="Schema.SchemaInstaller"/>).
/// </summary>
public sealed class SqliteMessageLogStore : IMessageLogStore, IAsyncDisposable, IDisposable
{
    private const string InsertSql =
        "INSERT INTO harmony_channel_log (channel, seq, id, lamport, author, kind, envelope, received_at) " +
        "VALUES ($channel, $seq, $id, $lamport, $author, $kind, $envelope, $received_at)";

    // SQLite's primary-key and unique constraint failures (extended result codes).
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    private readonly string _connectionString;
    private readonly MessageLogOptions _options;
    private readonly SqliteSynchronousMode _synchronous;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;
    private SqliteCommand? _insert;
    private bool _disposed;

    /// <summary>Creates a store on the SQLite database named by <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string (<c>Data Source=path</c>).</param>
    /// <param name="options">Limits; defaults when null.</param>
    /// <param name="synchronous">Durability of commits; <see cref="SqliteSynchronousMode.Full"/> by default.</param>
    public SqliteMessageLogStore(string connectionString, MessageLogOptions? options = null, SqliteSynchronousMode synchronous = SqliteSynchronousMode.Full)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _connectionString = connectionString;
        _options = options ?? new MessageLogOptions();
        _synchronous = synchronous;
    }

    /// <inheritdoc />
    public async Task AppendBatchAsync(string channel, IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken = default)
    {
        MessageLogValidator.Batch(channel, entries, _options);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Microsoft.Data.Sqlite is synchronous; keep the blocking commit (an fsync with synchronous=FULL) off the
            // caller's thread, which may be an Orleans scheduler thread.
            await Task.Run(() => AppendLocked(channel, entries), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LogEntry>> ReadAsync(string channel, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        MessageLogValidator.Read(channel, afterSeq, limit, _options);
        return Task.Run<IReadOnlyList<LogEntry>>(() =>
        {
            using var connection = OpenReader();
            using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT seq, id, lamport, author, kind, envelope, received_at FROM harmony_channel_log " +
                "WHERE channel = $channel AND seq > $after ORDER BY seq LIMIT $limit";
            command.Parameters.AddWithValue("$channel", channel);
            command.Parameters.AddWithValue("$after", afterSeq);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var result = new List<LogEntry>();
            while (reader.Read())
            {
                result.Add(new LogEntry(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetInt64(2),
                    reader.GetString(3),
                    reader.GetInt32(4),
                    (byte[])reader.GetValue(5),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
            }

            return result;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> MaxSeqAsync(string channel, CancellationToken cancellationToken = default)
    {
        MessageLogValidator.Channel(channel, _options);
        return Task.Run(() =>
        {
            using var connection = OpenReader();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT ifnull(max(seq), 0) FROM harmony_channel_log WHERE channel = $channel";
            command.Parameters.AddWithValue("$channel", channel);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> ContainsIdAsync(string channel, string id, CancellationToken cancellationToken = default)
    {
        var found = await FindByIdsAsync(channel, [id], cancellationToken).ConfigureAwait(false);
        return found.Count > 0;
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, long>> FindByIdsAsync(string channel, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        MessageLogValidator.Ids(channel, ids, _options);
        if (ids.Count == 0)
        {
            return Task.FromResult<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>());
        }

        return Task.Run<IReadOnlyDictionary<string, long>>(() =>
        {
            using var connection = OpenReader();
            using var command = connection.CreateCommand();
            // The ids travel as one JSON array parameter, so the statement text (and its cached plan) never varies.
            command.CommandText =
                "SELECT id, seq FROM harmony_channel_log " +
                "WHERE channel = $channel AND id IN (SELECT value FROM json_each($ids))";
            command.Parameters.AddWithValue("$channel", channel);
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
            using var reader = command.ExecuteReader();
            var result = new Dictionary<string, long>(StringComparer.Ordinal);
            while (reader.Read())
            {
                result[reader.GetString(0)] = reader.GetInt64(1);
            }

            return result;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writeLock.Wait();
        try
        {
            DisposeWriter();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            DisposeWriter();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void DisposeWriter()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _insert?.Dispose();
        _writer?.Dispose();
        _insert = null;
        _writer = null;
    }

    private void AppendLocked(string channel, IReadOnlyList<LogEntry> entries)
    {
        var insert = EnsureWriter();
        using var transaction = insert.Connection!.BeginTransaction();
        insert.Transaction = transaction;
        try
        {
            insert.Parameters["$channel"].Value = channel;
            foreach (var entry in entries)
            {
                insert.Parameters["$seq"].Value = entry.Seq;
                insert.Parameters["$id"].Value = entry.Id;
                insert.Parameters["$lamport"].Value = entry.Lamport;
                insert.Parameters["$author"].Value = entry.Author;
                insert.Parameters["$kind"].Value = entry.Kind;
                insert.Parameters["$envelope"].Value = entry.Envelope;
                insert.Parameters["$received_at"].Value = entry.ReceivedAt.ToUnixTimeMilliseconds();
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode is ConstraintPrimaryKey or ConstraintUnique)
        {
            transaction.Rollback();
            var reason = e.SqliteExtendedErrorCode == ConstraintPrimaryKey ? MessageLogConflictReason.DuplicateSeq : MessageLogConflictReason.DuplicateId;
            throw new MessageLogConflictException(channel, reason, e);
        }
        finally
        {
            insert.Transaction = null;
            // A large envelope must not stay referenced by the cached command between batches.
            insert.Parameters["$envelope"].Value = DBNull.Value;
        }
    }

    private SqliteCommand EnsureWriter()
    {
        if (_insert is not null)
        {
            return _insert;
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = " +
                    (_synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL") + ";";
                pragma.ExecuteNonQuery();
            }

            var insert = connection.CreateCommand();
            insert.CommandText = InsertSql;
            foreach (var name in new[] { "$channel", "$seq", "$id", "$lamport", "$author", "$kind", "$envelope", "$received_at" })
            {
                insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _writer = connection;
            _insert = insert;
            return insert;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
