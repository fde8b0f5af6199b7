namespace Harmony.Core.Mls.KeySchedule;

/// <summary>Which of a leaf's two hash ratchets (RFC 9420 §9.1) protects a message.</summary>
public enum RatchetType
{
    /// <summary>Proposals and commits.</summary>
    Handshake,

    /// <summary>Application messages.</summary>
    Application,
}
