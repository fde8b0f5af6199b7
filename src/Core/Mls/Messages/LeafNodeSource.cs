namespace Harmony.Core.Mls.Messages;

/// <summary>Where a leaf node came from (RFC 9420 §7.2).</summary>
public enum LeafNodeSource : byte
{
    /// <summary>Part of a KeyPackage.</summary>
    KeyPackage = 1,

    /// <summary>Part of an Update proposal.</summary>
    Update = 2,

    /// <summary>Part of a commit's UpdatePath.</summary>
    Commit = 3,
}
