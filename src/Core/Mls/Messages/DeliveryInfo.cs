using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>
/// The routing facts a delivery service can read from an MLS message without any key: wire format, group, epoch and
/// content type (RFC 9420 §6). Lets the server accept one commit per epoch and reject stale messages.
/// </summary>
/// <param name="WireFormat">The wire format.</param>
/// <param name="GroupId">Group id (public and private messages, group info).</param>
/// <param name="Epoch">Epoch (public and private messages, group info).</param>
/// <param name="ContentType">Content type (public and private messages).</param>
/// <param name="Sender">Sender (public messages only; private messages hide it).</param>
public sealed record DeliveryInfo(WireFormat WireFormat, byte[]? GroupId, ulong? Epoch, ContentType? ContentType, Sender? Sender)
{
    /// <summary>Parses <paramref name="message"/> fully (so malformed input is rejected) and extracts its routing facts.</summary>
    public static DeliveryInfo Read(ReadOnlySpan<byte> message, MlsLimits? limits = null)
    {
        var parsed = MlsMessage.Parse(message, limits);
        return parsed.WireFormat switch
        {
            WireFormat.PublicMessage => new DeliveryInfo(parsed.WireFormat, parsed.PublicMessage!.Content.GroupId, parsed.PublicMessage.Content.Epoch, parsed.PublicMessage.Content.ContentType, parsed.PublicMessage.Content.Sender),
            WireFormat.PrivateMessage => new DeliveryInfo(parsed.WireFormat, parsed.PrivateMessage!.GroupId, parsed.PrivateMessage.Epoch, parsed.PrivateMessage.ContentType, null),
            WireFormat.GroupInfo => new DeliveryInfo(parsed.WireFormat, parsed.GroupInfo!.GroupContext.GroupId, parsed.GroupInfo.GroupContext.Epoch, null, null),
            _ => new DeliveryInfo(parsed.WireFormat, null, null, null, null),
        };
    }

    /// <summary>Whether the message is a commit.</summary>
    public bool IsCommit => ContentType == Messages.ContentType.Commit;
}
