namespace Harmony.Core.Mls.Messages;

/// <summary>Content types of framed content (RFC 9420 §6).</summary>
public enum ContentType : byte
{
    /// <summary>Application data.</summary>
    Application = 1,

    /// <summary>A proposal.</summary>
    Proposal = 2,

    /// <summary>A commit.</summary>
    Commit = 3,
}
