using System.Collections.Concurrent;
using Harmony.Grains.Storage;

namespace Harmony.Grains.Tests.Support;

/// <summary>
/// Wraps the real store, records every batch size per channel, and can hold a channel's next batch until the test
/// releases it (to make group commit observable without timing assumptions).
/// </summary>
public sealed class RecordingLogStore(IMessageLogStore inner) : IMessageLogStore
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _batches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _failures = new(StringComparer.Ordinal);

    public IReadOnlyList<int> Batches(string channel) => _batches.TryGetValue(channel, out var q) ? [.. q] : [];

    /// <summary>Holds the next batch of <paramref name="channel"/> until the returned source is completed.</summary>
    public TaskCompletionSource HoldNextBatch(string channel)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gates[channel] = gate;
        return gate;
    }

    /// <summary>Makes the next batch of <paramref name="channel"/> fail as a broken database would, writing nothing.</summary>
    public void FailNextBatch(string channel) => _failures[channel] = true;

    public async Task AppendBatchAsync(string channel, IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken = default)
    {
        if (_failures.TryRemove(channel, out _)) throw new InvalidOperationException("The database is unavailable.");
        if (_gates.TryRemove(channel, out var gate)) await gate.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await inner.AppendBatchAsync(channel, entries, cancellationToken);
        _batches.GetOrAdd(channel, _ => new ConcurrentQueue<int>()).Enqueue(entries.Count);
    }

    public Task<IReadOnlyList<LogEntry>> ReadAsync(string channel, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(channel, afterSeq, limit, cancellationToken);

    public Task<long> MaxSeqAsync(string channel, CancellationToken cancellationToken = default) => inner.MaxSeqAsync(channel, cancellationToken);

    public Task<bool> ContainsIdAsync(string channel, string id, CancellationToken cancellationToken = default) =>
        inner.ContainsIdAsync(channel, id, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> FindByIdsAsync(string channel, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        inner.FindByIdsAsync(channel, ids, cancellationToken);
}
