using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Postgres;
using Npgsql;

namespace Harmony.Grains.Tests.Cluster;

/// <summary>A <see cref="PostgresMessageLogStore"/> that owns its data source (a silo's own connection pool), disposed with it.</summary>
public sealed class OwnedPostgresStore(NpgsqlDataSource dataSource) : IMessageLogStore, IAsyncDisposable
{
    private readonly PostgresMessageLogStore _inner = new(dataSource);

    /// <inheritdoc />
    public Task AppendBatchAsync(string channel, IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken = default) =>
        _inner.AppendBatchAsync(channel, entries, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<LogEntry>> ReadAsync(string channel, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(channel, afterSeq, limit, cancellationToken);

    /// <inheritdoc />
    public Task<long> MaxSeqAsync(string channel, CancellationToken cancellationToken = default) => _inner.MaxSeqAsync(channel, cancellationToken);

    /// <inheritdoc />
    public Task<bool> ContainsIdAsync(string channel, string id, CancellationToken cancellationToken = default) =>
        _inner.ContainsIdAsync(channel, id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, long>> FindByIdsAsync(string channel, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        _inner.FindByIdsAsync(channel, ids, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
