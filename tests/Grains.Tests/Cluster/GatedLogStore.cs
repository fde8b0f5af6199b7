using Harmony.Grains.Storage;

namespace Harmony.Grains.Tests.Cluster;

/// <summary>
/// A silo's message-log store that can hold one batch write until the test releases it, and then commits it through a
/// store of its own: a commit that lands after the silo that issued it has died, whose callers never got their
/// acknowledgement (the crash window between commit and ack).
/// </summary>
public sealed class GatedLogStore(IMessageLogStore inner, Func<IMessageLogStore> openAnother) : IMessageLogStore, IAsyncDisposable
{
    private BatchGate? _gate;

    /// <summary>Holds the next batch of <paramref name="channel"/>.</summary>
    public BatchGate HoldNextBatch(string channel)
    {
        var gate = new BatchGate(channel);
        Volatile.Write(ref _gate, gate);
        return gate;
    }

    /// <inheritdoc />
    public async Task AppendBatchAsync(string channel, IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken = default)
    {
        var gate = Volatile.Read(ref _gate);
        if (gate is null || gate.Channel != channel || Interlocked.CompareExchange(ref _gate, null, gate) != gate)
        {
            await inner.AppendBatchAsync(channel, entries, cancellationToken);
            return;
        }

        gate.Held.TrySetResult(entries.Count);
        await gate.Release.Task;
        // The silo's container may have disposed the inner store by now.
        var store = openAnother();
        try
        {
            await store.AppendBatchAsync(channel, entries, CancellationToken.None);
            gate.Written.TrySetResult();
        }
        catch (Exception e)
        {
            gate.Written.TrySetException(e);
            throw;
        }
        finally
        {
            if (store is IAsyncDisposable disposable) await disposable.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LogEntry>> ReadAsync(string channel, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(channel, afterSeq, limit, cancellationToken);

    /// <inheritdoc />
    public Task<long> MaxSeqAsync(string channel, CancellationToken cancellationToken = default) => inner.MaxSeqAsync(channel, cancellationToken);

    /// <inheritdoc />
    public Task<bool> ContainsIdAsync(string channel, string id, CancellationToken cancellationToken = default) =>
        inner.ContainsIdAsync(channel, id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, long>> FindByIdsAsync(string channel, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        inner.FindByIdsAsync(channel, ids, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
}
