namespace Harmony.Core.Crdt;

/// <summary>
/// One entry of a channel log: a message, an edit, a delete (tombstone) or a reaction change. <typeparamref name="T"/>
/// is the content type (decrypted message content on clients). Messages carry no target; every other kind targets a
/// message id, and reactions also name the reaction (an emoji or custom emoji id). The reactor is the author.
/// </summary>
public sealed record LogEntry<T>
{
    /// <summary>Creates an entry, throwing <see cref="CrdtException"/> (<c>crdt.invalid_entry</c>) when its fields do not fit its kind.</summary>
    public LogEntry(string id, string author, long lamport, EntryKind kind, string? target = null, string? reaction = null, T? content = default)
    {
        if (string.IsNullOrEmpty(id)) throw Invalid("an entry needs an id");
        if (string.IsNullOrEmpty(author)) throw Invalid("an entry needs an author");
        if (lamport < 0) throw Invalid("a Lamport time cannot be negative");
        if (!Enum.IsDefined(kind)) throw Invalid($"unknown entry kind {(int)kind}");
        var targeted = kind != EntryKind.Message;
        if (targeted && string.IsNullOrEmpty(target)) throw Invalid($"a {kind} entry needs a target message id");
        if (!targeted && target is not null) throw Invalid("a message entry has no target");
        if (target == id) throw Invalid("an entry cannot target itself");
        var isReaction = kind is EntryKind.ReactionAdd or EntryKind.ReactionRemove;
        if (isReaction && string.IsNullOrEmpty(reaction)) throw Invalid($"a {kind} entry needs a reaction");
        if (!isReaction && reaction is not null) throw Invalid($"a {kind} entry has no reaction");
        Id = id;
        Author = author;
        Lamport = lamport;
        Kind = kind;
        Target = target;
        Reaction = reaction;
        Content = content;
    }

    /// <summary>The entry's unique id (the hash of its signed envelope).</summary>
    public string Id { get; }

    /// <summary>The author's DID.</summary>
    public string Author { get; }

    /// <summary>The Lamport time the author stamped.</summary>
    public long Lamport { get; }

    /// <summary>What the entry does.</summary>
    public EntryKind Kind { get; }

    /// <summary>The target message id, for every kind but <see cref="EntryKind.Message"/>.</summary>
    public string? Target { get; }

    /// <summary>The reaction, for <see cref="EntryKind.ReactionAdd"/> and <see cref="EntryKind.ReactionRemove"/>.</summary>
    public string? Reaction { get; }

    /// <summary>The content, for messages and edits.</summary>
    public T? Content { get; }

    /// <summary>The entry's position in the total order.</summary>
    public EntryOrder Order => new(Lamport, Author, Id);

    /// <summary>A new message.</summary>
    public static LogEntry<T> Message(string id, string author, long lamport, T content) => new(id, author, lamport, EntryKind.Message, content: content);

    /// <summary>An edit replacing the content of <paramref name="target"/>.</summary>
    public static LogEntry<T> Edit(string id, string author, long lamport, string target, T content) => new(id, author, lamport, EntryKind.Edit, target, content: content);

    /// <summary>A delete (tombstone) of <paramref name="target"/>.</summary>
    public static LogEntry<T> Delete(string id, string author, long lamport, string target) => new(id, author, lamport, EntryKind.Delete, target);

    /// <summary>The author adds <paramref name="reaction"/> to <paramref name="target"/>.</summary>
    public static LogEntry<T> AddReaction(string id, string author, long lamport, string target, string reaction) => new(id, author, lamport, EntryKind.ReactionAdd, target, reaction);

    /// <summary>The author removes <paramref name="reaction"/> from <paramref name="target"/>.</summary>
    public static LogEntry<T> RemoveReaction(string id, string author, long lamport, string target, string reaction) => new(id, author, lamport, EntryKind.ReactionRemove, target, reaction);

    private static CrdtException Invalid(string message) => new(CrdtException.InvalidEntryCode, message);
}
