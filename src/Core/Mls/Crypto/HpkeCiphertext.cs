using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Crypto;

/// <summary>Output of an HPKE single-shot seal, encoded as RFC 9420's <c>HPKECiphertext</c>.</summary>
/// <param name="KemOutput">The KEM encapsulation (<c>enc</c>).</param>
/// <param name="Ciphertext">AEAD ciphertext with tag.</param>
public sealed record HpkeCiphertext(byte[] KemOutput, byte[] Ciphertext) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteOpaque(KemOutput);
        writer.WriteOpaque(Ciphertext);
    }

    /// <summary>Decodes an <c>HPKECiphertext</c>.</summary>
    public static HpkeCiphertext Decode(ref TlsReader reader) => new(reader.ReadOpaque(), reader.ReadOpaque());
}
