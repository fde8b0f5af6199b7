using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>The top-level MLS message envelope (RFC 9420 §6): version, wire format and exactly one body.</summary>
public sealed record MlsMessage : IMlsEncodable
{
    /// <summary>The wire format.</summary>
    public required WireFormat WireFormat { get; init; }

    /// <summary>Body for <see cref="WireFormat.PublicMessage"/>.</summary>
    public PublicMessage? PublicMessage { get; init; }

    /// <summary>Body for <see cref="WireFormat.PrivateMessage"/>.</summary>
    public PrivateMessage? PrivateMessage { get; init; }

    /// <summary>Body for <see cref="WireFormat.Welcome"/>.</summary>
    public Welcome? Welcome { get; init; }

    /// <summary>Body for <see cref="WireFormat.GroupInfo"/>.</summary>
    public GroupInfo? GroupInfo { get; init; }

    /// <summary>Body for <see cref="WireFormat.KeyPackage"/>.</summary>
    public KeyPackage? KeyPackage { get; init; }

    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteUInt16(GroupContext.ProtocolVersion);
        writer.WriteUInt16((ushort)WireFormat);
        IMlsEncodable body = WireFormat switch
        {
            WireFormat.PublicMessage => PublicMessage!,
            WireFormat.PrivateMessage => PrivateMessage!,
            WireFormat.Welcome => Welcome!,
            WireFormat.GroupInfo => GroupInfo!,
            _ => KeyPackage!,
        };
        if (body is null) throw new MlsException("mls.message.content", $"The {WireFormat} body is missing.");
        body.Encode(writer);
    }

    /// <summary>Decodes an <c>MLSMessage</c>.</summary>
    public static MlsMessage Decode(ref TlsReader reader)
    {
        if (reader.ReadUInt16() != GroupContext.ProtocolVersion)
            throw new MlsException("mls.version", "Only protocol version mls10 is supported.");
        var wireFormat = (WireFormat)reader.ReadUInt16();
        return wireFormat switch
        {
            WireFormat.PublicMessage => new MlsMessage { WireFormat = wireFormat, PublicMessage = PublicMessage.Decode(ref reader) },
            WireFormat.PrivateMessage => new MlsMessage { WireFormat = wireFormat, PrivateMessage = PrivateMessage.Decode(ref reader) },
            WireFormat.Welcome => new MlsMessage { WireFormat = wireFormat, Welcome = Welcome.Decode(ref reader) },
            WireFormat.GroupInfo => new MlsMessage { WireFormat = wireFormat, GroupInfo = GroupInfo.Decode(ref reader) },
            WireFormat.KeyPackage => new MlsMessage { WireFormat = wireFormat, KeyPackage = KeyPackage.Decode(ref reader) },
            _ => throw new MlsException("mls.codec.invalid_value", $"Unknown wire format {(ushort)wireFormat}."),
        };
    }

    /// <summary>Decodes a whole buffer as an <c>MLSMessage</c>.</summary>
    public static MlsMessage Parse(ReadOnlySpan<byte> data, MlsLimits? limits = null) => MlsEncoding.Decode(data, Decode, limits);
}
