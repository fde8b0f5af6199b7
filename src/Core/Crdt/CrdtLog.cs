using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Harmony.Core.Crdt;

/// <summary>
/// A channel's replicated log: a grow-only set of <see cref="LogEntry{T}"/> keyed by id, so merging is set union and
/// therefore commutative, associative and idempotent. The materialized view is a function of that set alone, so
/// replicas holding the same entries show the same view whatever order or how often the entries arrived:
/// <list type="bullet">
/// <item>messages in <see cref="EntryOrder"/> (Lamport, author, id);</item>
/// <item>edits: last writer wins by <see cref="EntryOrder"/>, counting only edits by the message's own author (an edit
/// that arrives before its message is kept and applies once the message arrives);</item>
/// <item>deletes: tombstones; a targeted message stays deleted whatever else arrives, before or after. Who may delete
/// (the author or a holder of <c>Moderate</c>) is checked when an entry is admitted to the log, not here;</item>
/// <item>reactions: last writer wins per (message, reaction, reactor) between that reactor's add and remove
/// entries. Only the reactor can change their own reaction, and their own Lamport clock orders their changes, so
/// the latest intent wins; an observed-remove set would only matter if others could remove it.</item>
/// </list>
/// Every mutation either applies completely or throws <see cref="CrdtException"/> and changes nothing. Not
/// thread-safe.
/// </summary>
public sealed class CrdtLog<T> : IReadOnlyCollection<LogEntry<T>>
{
    private readonly CrdtLogOptions _options;
    private readonly IEqualityComparer<T?> _contentComparer;
    private readonly Dictionary<string, LogEntry<T>> _byId = new(StringComparer.Ordinal);
    private readonly SortedDictionary<EntryOrder, LogEntry<T>> _ordered = new();
    private readonly SortedDictionary<EntryOrder, LogEntry<T>> _messages = new();
    private readonly Dictionary<string, Dictionary<string, LogEntry<T>>> _latestEdits = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tombstones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<(string Reaction, string Reactor), LogEntry<T>>> _latestReactions = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates an empty log. <paramref name="contentComparer"/> decides whether two entries with the same id carry the
    /// same content (default: <see cref="EqualityComparer{T}.Default"/>; pass a structural comparer for arrays).
    /// </summary>
    public CrdtLog(CrdtLogOptions? options = null, IEqualityComparer<T?>? contentComparer = null)
    {
        _options = options ?? CrdtLogOptions.Default;
        _contentComparer = contentComparer ?? EqualityComparer<T?>.Default;
    }

    /// <summary>The number of distinct entries.</summary>
    public int Count => _byId.Count;

    /// <summary>The highest Lamport time of any entry (0 when empty); feed it to <see cref="LamportClock.Observe"/>.</summary>
    public long HighestLamport { get; private set; }

    /// <summary>True when an entry with this id is present.</summary>
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>Looks an entry up by id.</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out LogEntry<T>? entry) => _byId.TryGetValue(id, out entry);

    /// <summary>Adds one entry; false when the same entry was already present.</summary>
    public bool Add(LogEntry<T> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return AddRange([entry]) == 1;
    }

    /// <summary>Merges every entry of <paramref name="other"/> into this log; returns how many were new.</summary>
    public int Merge(CrdtLog<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ReferenceEquals(other, this) ? 0 : AddRange(other._byId.Values);
    }

    /// <summary>
    /// Adds entries (any order, duplicates allowed); returns how many were new. All or nothing: an invalid entry, an
    /// id conflict or a full log throws <see cref="CrdtException"/> before anything is added.
    /// </summary>
    public int AddRange(IEnumerable<LogEntry<T>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var incoming = new Dictionary<string, LogEntry<T>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            CheckLimits(entry);
            if (_byId.TryGetValue(entry.Id, out var existing) || incoming.TryGetValue(entry.Id, out existing))
            {
                if (!SameEntry(existing, entry))
                {
                    throw new CrdtException(CrdtException.ConflictCode, $"two different entries have id {entry.Id}");
                }
                continue;
            }
            incoming.Add(entry.Id, entry);
        }
        if (incoming.Count > _options.MaxEntries - _byId.Count)
        {
            throw new CrdtException(CrdtException.LimitCode, $"the log would exceed {_options.MaxEntries} entries");
        }
        foreach (var entry in incoming.Values) Apply(entry);
        return incoming.Count;
    }

    /// <summary>The view of one message, or null when no message has this id (yet).</summary>
    public MessageView<T>? GetMessage(string id)
    {
        return _byId.TryGetValue(id, out var entry) && entry.Kind == EntryKind.Message ? View(entry) : null;
    }

    /// <summary>The materialized channel: every message in order, with edits, tombstones and reactions applied.</summary>
    public IReadOnlyList<MessageView<T>> Materialize()
    {
        var view = new List<MessageView<T>>(_messages.Count);
        foreach (var message in _messages.Values) view.Add(View(message));
        return view;
    }

    /// <summary>Every entry in <see cref="EntryOrder"/>.</summary>
    public IEnumerator<LogEntry<T>> GetEnumerator() => _ordered.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void CheckLimits(LogEntry<T> entry)
    {
        if (entry.Lamport > _options.MaxLamport)
        {
            throw new CrdtException(CrdtException.LimitCode, $"Lamport time {entry.Lamport} is above the maximum {_options.MaxLamport}");
        }
        if (entry.Id.Length > _options.MaxIdLength || entry.Target?.Length > _options.MaxIdLength)
        {
            throw new CrdtException(CrdtException.InvalidEntryCode, $"an entry or target id is longer than {_options.MaxIdLength} characters");
        }
        if (entry.Author.Length > _options.MaxAuthorLength)
        {
            throw new CrdtException(CrdtException.InvalidEntryCode, $"the author is longer than {_options.MaxAuthorLength} characters");
        }
        if (entry.Reaction?.Length > _options.MaxReactionLength)
        {
            throw new CrdtException(CrdtException.InvalidEntryCode, $"the reaction is longer than {_options.MaxReactionLength} characters");
        }
    }

    private bool SameEntry(LogEntry<T> a, LogEntry<T> b) =>
        a.Author == b.Author && a.Lamport == b.Lamport && a.Kind == b.Kind && a.Target == b.Target
        && a.Reaction == b.Reaction && _contentComparer.Equals(a.Content, b.Content);

    private void Apply(LogEntry<T> entry)
    {
        _byId.Add(entry.Id, entry);
        _ordered.Add(entry.Order, entry);
        HighestLamport = Math.Max(HighestLamport, entry.Lamport);
        switch (entry.Kind)
        {
            case EntryKind.Message:
                _messages.Add(entry.Order, entry);
                break;
            case EntryKind.Edit:
                if (!_latestEdits.TryGetValue(entry.Target!, out var byAuthor)) _latestEdits[entry.Target!] = byAuthor = new(StringComparer.Ordinal);
                if (!byAuthor.TryGetValue(entry.Author, out var edit) || edit.Order < entry.Order) byAuthor[entry.Author] = entry;
                break;
            case EntryKind.Delete:
                _tombstones.Add(entry.Target!);
                break;
            case EntryKind.ReactionAdd:
            case EntryKind.ReactionRemove:
                if (!_latestReactions.TryGetValue(entry.Target!, out var reactions)) _latestReactions[entry.Target!] = reactions = [];
                var key = (entry.Reaction!, entry.Author);
                if (!reactions.TryGetValue(key, out var latest) || latest.Order < entry.Order) reactions[key] = entry;
                break;
        }
    }

    private MessageView<T> View(LogEntry<T> message)
    {
        if (_tombstones.Contains(message.Id))
        {
            return new MessageView<T>(message.Id, message.Author, message.Lamport, default, null, Deleted: true, []);
        }
        LogEntry<T>? edit = null;
        if (_latestEdits.TryGetValue(message.Id, out var byAuthor)) byAuthor.TryGetValue(message.Author, out edit);
        IReadOnlyList<ReactionView> reactions = [];
        if (_latestReactions.TryGetValue(message.Id, out var latest))
        {
            reactions = [.. latest.Values
                .Where(e => e.Kind == EntryKind.ReactionAdd)
                .GroupBy(e => e.Reaction!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ReactionView(g.Key, [.. g.Select(e => e.Author).Order(StringComparer.Ordinal)]))];
        }
        return new MessageView<T>(message.Id, message.Author, message.Lamport, edit is null ? message.Content : edit.Content, edit?.Id, Deleted: false, reactions);
    }
}
