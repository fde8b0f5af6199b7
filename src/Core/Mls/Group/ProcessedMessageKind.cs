namespace Harmony.Core.Mls.Group;

/// <summary>What processing an incoming message produced.</summary>
public enum ProcessedMessageKind
{
    /// <summary>Decrypted application data.</summary>
    Application,

    /// <summary>A proposal, now cached until a commit covers it.</summary>
    Proposal,

    /// <summary>A commit; the group advanced to a new epoch.</summary>
    Commit,
}
