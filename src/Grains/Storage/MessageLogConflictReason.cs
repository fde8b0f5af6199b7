namespace Harmony.Grains.Storage;

/// <summary>Which uniqueness rule of the channel log an append broke.</summary>
public enum MessageLogConflictReason
{
    /// <summary>An envelope id is already in the channel's log.</summary>
    DuplicateId,

    /// <summary>A sequence number is already in the channel's log.</summary>
    DuplicateSeq,
}
