using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>Invites new members into a group (RFC 9420 §12.4.3.1).</summary>
/// <param name="CipherSuite">Cipher suite of the group.</param>
/// <param name="Secrets">GroupSecrets encrypted to each new member's init key.</param>
/// <param name="EncryptedGroupInfo">GroupInfo encrypted under the welcome key.</param>
public sealed record Welcome(ushort CipherSuite, IReadOnlyList<EncryptedGroupSecrets> Secrets, byte[] EncryptedGroupInfo) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteUInt16(CipherSuite);
        writer.WriteVector(Secrets, (w, s) => s.Encode(w));
        writer.WriteOpaque(EncryptedGroupInfo);
    }

    /// <summary>Decodes a <c>Welcome</c>.</summary>
    public static Welcome Decode(ref TlsReader reader) => new(reader.ReadUInt16(), reader.ReadVector(EncryptedGroupSecrets.Decode), reader.ReadOpaque());
}
