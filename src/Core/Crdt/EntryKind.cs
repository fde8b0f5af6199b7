namespace Harmony.Core.Crdt;

/// <summary>What a channel log entry does.</summary>
public enum EntryKind
{
    /// <summary>A new message with its content.</summary>
    Message,

    /// <summary>Replaces the content of the target message (last writer wins; only the message's author may edit).</summary>
    Edit,

    /// <summary>Tombstones the target message for good.</summary>
    Delete,

    /// <summary>The author adds a reaction to the target message.</summary>
    ReactionAdd,

    /// <summary>The author removes their reaction from the target message.</summary>
    ReactionRemove,
}
