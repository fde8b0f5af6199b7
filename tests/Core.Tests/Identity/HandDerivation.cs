using System.Numerics;
using NSec.Cryptography;

namespace Harmony.Core.Tests.Identity;

/// <summary>
/// The documented derivation (docs/identity.md) written out independently of the code under test: NSec for the
/// Ed25519 public key, the multicodec bytes spelled out and a BigInteger base58btc encoder.
/// </summary>
internal static class HandDerivation
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static byte[] Bip39Seed(string phrase, string passphrase = "") =>
        System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(
            System.Text.Encoding.UTF8.GetBytes(phrase), System.Text.Encoding.UTF8.GetBytes("mnemonic" + passphrase),
            2048, System.Security.Cryptography.HashAlgorithmName.SHA512, 64);

    public static byte[] Ed25519PublicKey(ReadOnlySpan<byte> seed32)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, seed32, KeyBlobFormat.RawPrivateKey);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    public static string DidFromBip39Seed(byte[] bip39Seed) => DidKeyOf(0xed, Ed25519PublicKey(bip39Seed.AsSpan(0, 32)));

    /// <summary>did:key with a one-byte multicodec varint (0xed or 0xec fit in two bytes: code | 0x80, 0x01).</summary>
    public static string DidKeyOf(int codec, byte[] publicKey) => "did:key:z" + Base58([(byte)(codec & 0x7f | 0x80), (byte)(codec >> 7), .. publicKey]);

    public static string Base58(byte[] data)
    {
        var n = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var chars = new List<char>();
        while (n > 0)
        {
            chars.Add(Alphabet[(int)(n % 58)]);
            n /= 58;
        }
        foreach (var b in data)
        {
            if (b != 0) break;
            chars.Add('1');
        }
        chars.Reverse();
        return new string([.. chars]);
    }
}
