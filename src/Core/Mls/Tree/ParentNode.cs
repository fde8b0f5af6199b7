using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Tree;

/// <summary>An interior ratchet-tree node (RFC 9420 §7.1).</summary>
/// <param name="EncryptionKey">HPKE public key of the node.</param>
/// <param name="ParentHash">Parent hash binding the node to its parent.</param>
/// <param name="UnmergedLeaves">Leaves added below this node since its key was last set, ascending.</param>
public sealed record ParentNode(byte[] EncryptionKey, byte[] ParentHash, IReadOnlyList<uint> UnmergedLeaves) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteOpaque(EncryptionKey);
        writer.WriteOpaque(ParentHash);
        writer.WriteVector(UnmergedLeaves, (w, l) => w.WriteUInt32(l));
    }

    /// <summary>Decodes a <c>ParentNode</c>.</summary>
    public static ParentNode Decode(ref TlsReader reader)
        => new(reader.ReadOpaque(), reader.ReadOpaque(), reader.ReadVector((ref TlsReader r) => r.ReadUInt32()));
}
