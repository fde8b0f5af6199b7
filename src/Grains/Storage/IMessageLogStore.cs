namespace Harmony.Grains.Storage;

/// <summary>
/// The durable, append-only log of every channel. The channel grain is the only writer of its channel; it assigns
/// sequence numbers, dedupes by envelope id, and appends in batches (group commit).
/// </summary>
public interface IMessageLogStore
{
    /// <summary>
    /// Appends <paramref name="entries"/> (strictly ascending <see cref="LogEntry.Seq"/>, distinct ids) to the log of
    /// <paramref name="channel"/> in one transaction: either every entry is durable when the task completes, or none is.
    /// </summary>
    /// <exception cref="MessageLogException">The input breaks a rule or a configured limit; nothing was written.</exception>
    /// <exception cref="MessageLogConflictException">An id or sequence number is already in the log; nothing was written.</exception>
    Task AppendBatchAsync(string channel, IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Reads up to <paramref name="limit"/> entries with <c>Seq &gt; afterSeq</c>, in sequence order.</summary>
    /// <exception cref="MessageLogException">The channel or limit is invalid.</exception>
    Task<IReadOnlyList<LogEntry>> ReadAsync(string channel, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence number in the channel's log, or 0 when the log is empty.</summary>
    Task<long> MaxSeqAsync(string channel, CancellationToken cancellationToken = default);

    /// <summary>Whether an entry with envelope id <paramref name="id"/> is in the channel's log.</summary>
    Task<bool> ContainsIdAsync(string channel, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Looks up envelope ids in the channel's log and returns the sequence number of each one found (absent ids are
    /// not in the result), so a retried send can be acknowledged with its original sequence number.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> FindByIdsAsync(string channel, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);
}
