namespace Harmony.Core.Mls.Messages;

/// <summary>Sender types (RFC 9420 §6).</summary>
public enum SenderType : byte
{
    /// <summary>A group member, by leaf index.</summary>
    Member = 1,

    /// <summary>An external sender from the external_senders extension.</summary>
    External = 2,

    /// <summary>A prospective member proposing its own addition.</summary>
    NewMemberProposal = 3,

    /// <summary>A new member joining by external commit.</summary>
    NewMemberCommit = 4,
}
