namespace Harmony.Core.Mls.Messages;

/// <summary>Proposal types (RFC 9420 §12.1).</summary>
public enum ProposalType : ushort
{
    /// <summary>Add a member.</summary>
    Add = 1,

    /// <summary>Update the sender's leaf.</summary>
    Update = 2,

    /// <summary>Remove a member.</summary>
    Remove = 3,

    /// <summary>Inject a PSK.</summary>
    PreSharedKey = 4,

    /// <summary>Re-initialise the group.</summary>
    ReInit = 5,

    /// <summary>External join.</summary>
    ExternalInit = 6,

    /// <summary>Replace the group context extensions.</summary>
    GroupContextExtensions = 7,
}
