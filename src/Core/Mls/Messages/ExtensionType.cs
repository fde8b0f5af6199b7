namespace Harmony.Core.Mls.Messages;

/// <summary>Registered MLS extension types (RFC 9420 §17.3).</summary>
public static class ExtensionType
{
    /// <summary>application_id (LeafNode).</summary>
    public const ushort ApplicationId = 1;

    /// <summary>ratchet_tree (GroupInfo).</summary>
    public const ushort RatchetTree = 2;

    /// <summary>required_capabilities (GroupContext).</summary>
    public const ushort RequiredCapabilities = 3;

    /// <summary>external_pub (GroupInfo).</summary>
    public const ushort ExternalPub = 4;

    /// <summary>external_senders (GroupContext).</summary>
    public const ushort ExternalSenders = 5;

    /// <summary>Whether <paramref name="type"/> is one of the default extensions every client supports (§7.2).</summary>
    public static bool IsDefault(ushort type) => type is >= 1 and <= 5;
}
