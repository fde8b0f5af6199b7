using Npgsql;
using NpgsqlTypes;

namespace Harmony.Grains.Storage.Postgres;

/// <summary>
/// <see cref="IMessageLogStore"/> on PostgreSQL through an <see cref="NpgsqlDataSource"/> (pooled connections).
/// A batch is appended by one multi-row <c>INSERT ... SELECT FROM unnest(...)</c>: one statement, one round trip,
/// one transaction. The schema must have been installed (<see cref="Schema.SchemaInstaller"/>).
/// </summary>
public sealed class PostgresMessageLogStore : IMessageLogStore
{
    private const string PrimaryKeyConstraint = "pk_harmony_channel_log";

    private readonly NpgsqlDataSource _dataSource;
    private readonly MessageLogOptions _options;

    /// <summary>Creates a store on <paramref name="dataSource"/>; the caller owns and disposes the data source.</summary>
    public PostgresMessageLogStore(NpgsqlDataSource dataSource, MessageLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _options = options ?? new MessageLogOptions();
    }

    /// <inheritdoc />
    public async Task AppendBatchAsync(string channel, IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken = default)
    {
        MessageLogValidator.Batch(channel, entries, _options);
        var count = entries.Count;
        var seqs = new long[count];
        var ids = new string[count];
        var lamports = new long[count];
        var authors = new string[count];
        var kinds = new int[count];
        var envelopes = new byte[count][];
        var received = new long[count];
        for (var i = 0; i < count; i++)
        {
            var entry = entries[i];
            seqs[i] = entry.Seq;
            ids[i] = entry.Id;
            lamports[i] = entry.Lamport;
            authors[i] = entry.Author;
            kinds[i] = entry.Kind;
            envelopes[i] = entry.Envelope;
            received[i] = entry.ReceivedAt.ToUnixTimeMilliseconds();
        }

        await using var command = _dataSource.CreateCommand(
            "INSERT INTO harmony_channel_log (channel, seq, id, lamport, author, kind, envelope, received_at) " +
            "SELECT $1, u.* FROM unnest($2, $3, $4, $5, $6, $7, $8) AS u");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = seqs, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = lamports, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = authors, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = kinds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = envelopes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = received, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            var reason = e.ConstraintName == PrimaryKeyConstraint ? MessageLogConflictReason.DuplicateSeq : MessageLogConflictReason.DuplicateId;
            throw new MessageLogConflictException(channel, reason, e);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LogEntry>> ReadAsync(string channel, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        MessageLogValidator.Read(channel, afterSeq, limit, _options);
        await using var command = _dataSource.CreateCommand(
            "SELECT seq, id, lamport, author, kind, envelope, received_at FROM harmony_channel_log " +
            "WHERE channel = $1 AND seq > $2 ORDER BY seq LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSeq });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<LogEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new LogEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetString(3),
                reader.GetInt32(4),
                reader.GetFieldValue<byte[]>(5),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<long> MaxSeqAsync(string channel, CancellationToken cancellationToken = default)
    {
        MessageLogValidator.Channel(channel, _options);
        await using var command = _dataSource.CreateCommand("SELECT coalesce(max(seq), 0) FROM harmony_channel_log WHERE channel = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel });
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return (long)value!;
    }

    /// <inheritdoc />
    public async Task<bool> ContainsIdAsync(string channel, string id, CancellationToken cancellationToken = default)
    {
        var found = await FindByIdsAsync(channel, [id], cancellationToken).ConfigureAwait(false);
        return found.Count > 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, long>> FindByIdsAsync(string channel, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        MessageLogValidator.Ids(channel, ids, _options);
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }

        await using var command = _dataSource.CreateCommand("SELECT id, seq FROM harmony_channel_log WHERE channel = $1 AND id = ANY($2)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }
}
