using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Protection;

/// <summary>The encrypted header of a PrivateMessage (RFC 9420 §6.3.2).</summary>
/// <param name="LeafIndex">Sender's leaf index.</param>
/// <param name="Generation">Ratchet generation of the content key.</param>
/// <param name="ReuseGuard">Four random bytes XORed into the nonce.</param>
public sealed record SenderData(uint LeafIndex, uint Generation, byte[] ReuseGuard) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteUInt32(LeafIndex);
        writer.WriteUInt32(Generation);
        writer.WriteFixed(ReuseGuard);
    }

    /// <summary>Decodes <c>SenderData</c>.</summary>
    public static SenderData Decode(ref TlsReader reader) => new(reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadFixed(4).ToArray());
}
