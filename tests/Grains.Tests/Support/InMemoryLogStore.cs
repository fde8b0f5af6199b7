using System.Collections.Concurrent;
using Harmony.Grains.Storage;

namespace Harmony.Grains.Tests.Support;

/// <summary>A faithful in-memory <see cref="IMessageLogStore"/> (all-or-nothing batches, duplicate id/seq conflicts).</summary>
public sealed class InMemoryLogStore : IMessageLogStore
{
    private readonly ConcurrentDictionary<string, List<LogEntry>> _logs = new(StringComparer.Ordinal);

    private List<LogEntry> Log(string channel) => _logs.GetOrAdd(channel, _ => []);

    public Task AppendBatchAsync(string channel, IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken = default)
    {
        var log = Log(channel);
        lock (log)
        {
            if (entries.Any(e => log.Any(x => x.Id == e.Id))) throw new MessageLogConflictException(channel, MessageLogConflictReason.DuplicateId);
            if (entries.Any(e => log.Any(x => x.Seq == e.Seq))) throw new MessageLogConflictException(channel, MessageLogConflictReason.DuplicateSeq);
            log.AddRange(entries);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LogEntry>> ReadAsync(string channel, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        var log = Log(channel);
        lock (log) return Task.FromResult<IReadOnlyList<LogEntry>>([.. log.Where(e => e.Seq > afterSeq).OrderBy(e => e.Seq).Take(limit)]);
    }

    public Task<long> MaxSeqAsync(string channel, CancellationToken cancellationToken = default)
    {
        var log = Log(channel);
        lock (log) return Task.FromResult(log.Count == 0 ? 0 : log.Max(e => e.Seq));
    }

    public Task<bool> ContainsIdAsync(string channel, string id, CancellationToken cancellationToken = default)
    {
        var log = Log(channel);
        lock (log) return Task.FromResult(log.Any(e => e.Id == id));
    }

    public Task<IReadOnlyDictionary<string, long>> FindByIdsAsync(string channel, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        var log = Log(channel);
        lock (log) return Task.FromResult<IReadOnlyDictionary<string, long>>(log.Where(e => ids.Contains(e.Id)).ToDictionary(e => e.Id, e => e.Seq));
    }
}
