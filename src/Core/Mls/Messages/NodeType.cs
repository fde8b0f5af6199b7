namespace Harmony.Core.Mls.Messages;

/// <summary>Ratchet tree node types (RFC 9420 §7.8).</summary>
public enum NodeType : byte
{
    /// <summary>A leaf node.</summary>
    Leaf = 1,

    /// <summary>A parent node.</summary>
    Parent = 2,
}
