namespace Harmony.Client.Chat;

/// <summary>
/// A message of a channel as this client sees it after applying the log: its latest text (edits applied), tombstone,
/// pin and reactions. Ordered by (<see cref="Lamport"/>, <see cref="Author"/>, <see cref="Id"/>) as docs/crdt.md says.
/// </summary>
public sealed record ChatMessage
{
    /// <summary>The message's envelope id.</summary>
    public required string Id { get; init; }

    /// <summary>The channel (a thread's own channel id for thread messages).</summary>
    public required string ChannelId { get; init; }

    /// <summary>The log sequence number (0 while the client's own message is queued or was refused).</summary>
    public long Seq { get; init; }

    /// <summary>The author's DID.</summary>
    public required string Author { get; init; }

    /// <summary>The author's Lamport clock.</summary>
    public ulong Lamport { get; init; }

    /// <summary>The author's wall clock when sending (informational).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The text; null when deleted or not decryptable.</summary>
    public string? Text { get; init; }

    /// <summary>True once edited.</summary>
    public bool Edited { get; init; }

    /// <summary>True once deleted.</summary>
    public bool Deleted { get; init; }

    /// <summary>True while pinned.</summary>
    public bool Pinned { get; init; }

    /// <summary>Reactions: emoji to the DIDs that reacted with it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Reactions { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The message replied to.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The thread's root message id for messages in a thread.</summary>
    public string? Thread { get; init; }

    /// <summary>Why the content could not be decrypted (a typed code and reason), or null.</summary>
    public string? DecryptionError { get; init; }

    /// <summary>
    /// Set on this client's own message when the server refused it for good (never retried): show it as "not sent".
    /// Null while queued or once logged.
    /// </summary>
    public ChatSendError? SendError { get; init; }

    /// <summary>True while this client's own message waits in the offline queue (not yet logged, not refused).</summary>
    public bool Pending => Seq == 0 && SendError is null;
}
