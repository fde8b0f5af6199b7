using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.KeySchedule;
using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.Protection;

/// <summary>Encryption and decryption of the two layers of a Welcome (RFC 9420 §12.4.3.1).</summary>
public static class WelcomeProtection
{
    /// <summary>Finds the entry addressed to <paramref name="keyPackageRef"/>; throws <c>mls.welcome.not_for_us</c> if absent.</summary>
    public static EncryptedGroupSecrets FindSecrets(Welcome welcome, ReadOnlySpan<byte> keyPackageRef)
    {
        foreach (var entry in welcome.Secrets)
            if (entry.NewMember.AsSpan().SequenceEqual(keyPackageRef)) return entry;
        throw new MlsException("mls.welcome.not_for_us", "The Welcome has no secrets for this KeyPackage.");
    }

    /// <summary>Decrypts the GroupSecrets with the KeyPackage's init private key.</summary>
    public static GroupSecrets DecryptGroupSecrets(CipherSuite suite, Welcome welcome, EncryptedGroupSecrets entry, ReadOnlySpan<byte> initPrivateKey, MlsLimits? limits = null)
    {
        var plain = suite.DecryptWithLabel(initPrivateKey, "Welcome", welcome.EncryptedGroupInfo, entry.Ciphertext.KemOutput, entry.Ciphertext.Ciphertext);
        return MlsEncoding.Decode(plain, GroupSecrets.Decode, limits);
    }

    /// <summary>Decrypts the GroupInfo with the key and nonce derived from <paramref name="welcomeSecret"/>.</summary>
    public static GroupInfo DecryptGroupInfo(CipherSuite suite, Welcome welcome, byte[] welcomeSecret, MlsLimits? limits = null)
    {
        var (key, nonce) = EpochSecrets.WelcomeKeyAndNonce(suite, welcomeSecret);
        var plain = suite.Aead.Open(key, nonce, [], welcome.EncryptedGroupInfo);
        return MlsEncoding.Decode(plain, GroupInfo.Decode, limits);
    }

    /// <summary>welcome_secret from a joiner secret and PSK secret, before the GroupContext is known.</summary>
    public static byte[] WelcomeSecret(CipherSuite suite, byte[] joinerSecret, byte[] pskSecret)
        => suite.DeriveSecret(suite.Extract(joinerSecret, pskSecret), "welcome");

    /// <summary>Builds a Welcome: encrypts <paramref name="groupInfo"/> under the welcome secret and the GroupSecrets to each new member.</summary>
    public static Welcome Create(CipherSuite suite, GroupInfo groupInfo, byte[] welcomeSecret, IReadOnlyList<(KeyPackage KeyPackage, GroupSecrets Secrets)> recipients)
        => Create(suite, groupInfo.ToBytes(), welcomeSecret, recipients);

    /// <summary>Builds a Welcome from an already encoded GroupInfo (commits encode it once for signing and sealing).</summary>
    public static Welcome Create(CipherSuite suite, ReadOnlySpan<byte> encodedGroupInfo, byte[] welcomeSecret, IReadOnlyList<(KeyPackage KeyPackage, GroupSecrets Secrets)> recipients)
    {
        var (key, nonce) = EpochSecrets.WelcomeKeyAndNonce(suite, welcomeSecret);
        var encryptedGroupInfo = suite.Aead.Seal(key, nonce, [], encodedGroupInfo);
        var entries = new List<EncryptedGroupSecrets>(recipients.Count);
        foreach (var (keyPackage, secrets) in recipients)
        {
            var ciphertext = suite.EncryptWithLabel(keyPackage.InitKey, "Welcome", encryptedGroupInfo, secrets.ToBytes());
            entries.Add(new EncryptedGroupSecrets(keyPackage.Reference(suite), ciphertext));
        }
        return new Welcome(suite.Id, entries, encryptedGroupInfo);
    }
}
