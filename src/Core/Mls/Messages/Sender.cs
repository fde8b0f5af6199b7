using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>Who sent a message (RFC 9420 §6).</summary>
/// <param name="Type">Sender type.</param>
/// <param name="Index">Leaf index (member) or external sender index (external); 0 otherwise.</param>
public sealed record Sender(SenderType Type, uint Index) : IMlsEncodable
{
    /// <summary>A member sender.</summary>
    public static Sender Member(uint leafIndex) => new(SenderType.Member, leafIndex);

    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteUInt8((byte)Type);
        if (Type is SenderType.Member or SenderType.External) writer.WriteUInt32(Index);
    }

    /// <summary>Decodes a <c>Sender</c>.</summary>
    public static Sender Decode(ref TlsReader reader)
    {
        var type = (SenderType)reader.ReadUInt8();
        return type switch
        {
            SenderType.Member or SenderType.External => new Sender(type, reader.ReadUInt32()),
            SenderType.NewMemberProposal or SenderType.NewMemberCommit => new Sender(type, 0),
            _ => throw new MlsException("mls.codec.invalid_value", $"Unknown sender type {(byte)type}."),
        };
    }
}
