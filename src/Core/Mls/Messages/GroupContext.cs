using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>The group state summary every member agrees on in an epoch (RFC 9420 §8.1).</summary>
/// <param name="CipherSuite">Cipher suite identifier.</param>
/// <param name="GroupId">Application-chosen group identifier.</param>
/// <param name="Epoch">Epoch number.</param>
/// <param name="TreeHash">Root tree hash of the ratchet tree.</param>
/// <param name="ConfirmedTranscriptHash">Confirmed transcript hash.</param>
/// <param name="Extensions">Group context extensions.</param>
public sealed record GroupContext(ushort CipherSuite, byte[] GroupId, ulong Epoch, byte[] TreeHash, byte[] ConfirmedTranscriptHash, IReadOnlyList<Extension> Extensions) : IMlsEncodable
{
    /// <summary>The only protocol version, mls10.</summary>
    public const ushort ProtocolVersion = 1;

    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteUInt16(ProtocolVersion);
        writer.WriteUInt16(CipherSuite);
        writer.WriteOpaque(GroupId);
        writer.WriteUInt64(Epoch);
        writer.WriteOpaque(TreeHash);
        writer.WriteOpaque(ConfirmedTranscriptHash);
        Extension.EncodeList(writer, Extensions);
    }

    /// <summary>Decodes a <c>GroupContext</c>.</summary>
    public static GroupContext Decode(ref TlsReader reader)
    {
        if (reader.ReadUInt16() != ProtocolVersion)
            throw new MlsException("mls.version", "Only protocol version mls10 is supported.");
        return new GroupContext(reader.ReadUInt16(), reader.ReadOpaque(), reader.ReadUInt64(), reader.ReadOpaque(), reader.ReadOpaque(), Extension.DecodeList(ref reader));
    }
}
