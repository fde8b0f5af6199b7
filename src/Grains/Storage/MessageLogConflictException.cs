namespace Harmony.Grains.Storage;

/// <summary>
/// An append was rejected because an envelope id or a sequence number is already in the channel's log (code
/// <c>storage.log.conflict</c>). The whole batch was rolled back; the log is unchanged.
/// </summary>
public sealed class MessageLogConflictException(string channel, MessageLogConflictReason reason, Exception? inner = null)
    : MessageLogException(ConflictCode, $"The log of channel '{channel}' already holds {(reason == MessageLogConflictReason.DuplicateId ? "an envelope id" : "a sequence number")} of this batch; nothing was appended.", inner)
{
    /// <summary>The error code.</summary>
    public const string ConflictCode = "storage.log.conflict";

    /// <summary>The channel whose log holds the conflicting entry.</summary>
    public string Channel { get; } = channel;

    /// <summary>Which rule was broken.</summary>
    public MessageLogConflictReason Reason { get; } = reason;
}
