using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;

namespace Harmony.Core.Mls.Messages;

/// <summary>One node of an UpdatePath: its new public key and the path secret encrypted to its copath resolution.</summary>
/// <param name="EncryptionKey">New HPKE public key of the node.</param>
/// <param name="EncryptedPathSecret">One ciphertext per node of the copath child's resolution.</param>
public sealed record UpdatePathNode(byte[] EncryptionKey, IReadOnlyList<HpkeCiphertext> EncryptedPathSecret) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteOpaque(EncryptionKey);
        writer.WriteVector(EncryptedPathSecret, (w, c) => c.Encode(w));
    }

    /// <summary>Decodes an <c>UpdatePathNode</c>.</summary>
    public static UpdatePathNode Decode(ref TlsReader reader) => new(reader.ReadOpaque(), reader.ReadVector(HpkeCiphertext.Decode));
}
