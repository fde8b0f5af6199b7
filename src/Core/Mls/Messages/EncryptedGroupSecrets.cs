using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;

namespace Harmony.Core.Mls.Messages;

/// <summary>GroupSecrets encrypted to one new member, identified by its KeyPackageRef.</summary>
/// <param name="NewMember">KeyPackageRef of the recipient.</param>
/// <param name="Ciphertext">EncryptWithLabel(init_key, "Welcome", encrypted_group_info, GroupSecrets).</param>
public sealed record EncryptedGroupSecrets(byte[] NewMember, HpkeCiphertext Ciphertext) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteOpaque(NewMember);
        Ciphertext.Encode(writer);
    }

    /// <summary>Decodes an <c>EncryptedGroupSecrets</c>.</summary>
    public static EncryptedGroupSecrets Decode(ref TlsReader reader) => new(reader.ReadOpaque(), HpkeCiphertext.Decode(ref reader));
}
