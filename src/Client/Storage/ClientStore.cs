using Microsoft.Data.Sqlite;

namespace Harmony.Client.Storage;

/// <summary>
/// The SDK's local SQLite database: the offline queue of signed envelopes (sent in order, removed once the server
/// acknowledged them; resending is safe because the server dedupes by envelope id), sync cursors per channel and the
/// author's Lamport clock. Survives restarts of the application.
/// </summary>
public sealed class ClientStore
{
    private readonly string _connectionString;
    private readonly int _maxQueued;

    private ClientStore(string connectionString, int maxQueued)
    {
        _connectionString = connectionString;
        _maxQueued = maxQueued;
    }

    /// <summary>Opens (creating when needed) the database at <paramref name="path"/>.</summary>
    public static async Task<ClientStore> OpenAsync(string path, int maxQueued = 10_000, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var store = new ClientStore(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString(), maxQueued);
        await store.ExecuteAsync("""
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS outbox (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, channel TEXT NOT NULL, envelope BLOB NOT NULL, capability TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS cursors (channel TEXT PRIMARY KEY, last_seq INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """, null, cancellationToken);
        return store;
    }

    /// <summary>Adds an envelope to the queue (a second add of the same id is ignored).</summary>
    /// <exception cref="HarmonyClientException"><c>client.queue_full</c> when the queue holds the maximum.</exception>
    public async Task EnqueueAsync(QueuedEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (await CountQueuedAsync(cancellationToken) >= _maxQueued)
            throw new HarmonyClientException("client.queue_full", $"The offline queue holds its maximum of {_maxQueued} envelopes.");
        await ExecuteAsync("INSERT OR IGNORE INTO outbox (id, channel, envelope, capability) VALUES ($id, $channel, $envelope, $capability)", c =>
        {
            c.Parameters.AddWithValue("$id", envelope.Id);
            c.Parameters.AddWithValue("$channel", envelope.ChannelId);
            c.Parameters.AddWithValue("$envelope", envelope.Envelope);
            c.Parameters.AddWithValue("$capability", envelope.CapabilityId);
        }, cancellationToken);
    }

    /// <summary>The queued envelopes in the order they were queued.</summary>
    public async Task<IReadOnlyList<QueuedEnvelope>> QueuedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, channel, envelope, capability FROM outbox ORDER BY position";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<QueuedEnvelope>();
        while (await reader.ReadAsync(cancellationToken))
            result.Add(new QueuedEnvelope(reader.GetString(0), reader.GetString(1), (byte[])reader[2], reader.GetString(3)));
        return result;
    }

    /// <summary>How many envelopes are queued.</summary>
    public async Task<long> CountQueuedAsync(CancellationToken cancellationToken = default) =>
        await ScalarAsync("SELECT COUNT(*) FROM outbox", null, cancellationToken) ?? 0;

    /// <summary>Removes an acknowledged (or refused) envelope.</summary>
    public Task RemoveAsync(string id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM outbox WHERE id = $id", c => c.Parameters.AddWithValue("$id", id), cancellationToken);

    /// <summary>The highest sequence number applied for <paramref name="channelId"/> (0 when none).</summary>
    public async Task<long> GetCursorAsync(string channelId, CancellationToken cancellationToken = default) =>
        await ScalarAsync("SELECT last_seq FROM cursors WHERE channel = $c", c => c.Parameters.AddWithValue("$c", channelId), cancellationToken) ?? 0;

    /// <summary>Records the highest sequence number applied for <paramref name="channelId"/>.</summary>
    public Task SetCursorAsync(string channelId, long seq, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO cursors (channel, last_seq) VALUES ($c, $s) ON CONFLICT(channel) DO UPDATE SET last_seq = MAX(last_seq, excluded.last_seq)", c =>
        {
            c.Parameters.AddWithValue("$c", channelId);
            c.Parameters.AddWithValue("$s", seq);
        }, cancellationToken);

    /// <summary>
    /// Sets every cursor to <paramref name="applied"/>'s value for its channel (0 when absent), also backwards: an
    /// application that applies envelopes after the cursor moved calls this at start-up so entries it never applied
    /// (for example when it stopped in between) are delivered again.
    /// </summary>
    public async Task RewindCursorsAsync(IReadOnlyDictionary<string, long> applied, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(applied);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM cursors";
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var (channel, seq) in applied)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO cursors (channel, last_seq) VALUES ($c, $s)";
            insert.Parameters.AddWithValue("$c", channel);
            insert.Parameters.AddWithValue("$s", seq);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Advances and returns the author's Lamport clock (at least <paramref name="atLeast"/> + 1).</summary>
    public async Task<ulong> NextLamportAsync(ulong atLeast = 0, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT value FROM meta WHERE key = 'lamport'";
        var current = (ulong)((long?)await read.ExecuteScalarAsync(cancellationToken) ?? 0);
        var next = Math.Max(current, atLeast) + 1;
        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "INSERT INTO meta (key, value) VALUES ('lamport', $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        write.Parameters.AddWithValue("$v", (long)next);
        await write.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return next;
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task ExecuteAsync(string sql, Action<SqliteCommand>? bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind?.Invoke(command);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<long?> ScalarAsync(string sql, Action<SqliteCommand>? bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind?.Invoke(command);
        return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : null;
    }
}
