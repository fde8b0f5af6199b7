using System.Security.Cryptography;

namespace Harmony.Core.Crypto;

/// <summary>
/// The birational map from Ed25519 keys to X25519 keys (RFC 7748 §4.1), the one libsodium's
/// <c>crypto_sign_ed25519_*_to_curve25519</c> and did:key's derived <c>keyAgreement</c> use.
/// Private: the clamped first half of SHA-512(seed), i.e. the Ed25519 secret scalar. Public: u = (1 + y) / (1 - y) mod p.
/// </summary>
public static class Ed25519ToX25519
{
    /// <summary>Derives the X25519 private scalar from a 32-byte Ed25519 seed (already clamped).</summary>
    public static SecretBytes PrivateKey(ReadOnlySpan<byte> ed25519Seed)
    {
        if (ed25519Seed.Length != Ed25519.SeedSize)
            throw new CryptoException("crypto.key_length", $"An Ed25519 seed is {Ed25519.SeedSize} bytes.");
        Span<byte> hash = stackalloc byte[64];
        SHA512.HashData(ed25519Seed, hash);
        var scalar = hash[..32].ToArray();
        CryptographicOperations.ZeroMemory(hash);
        scalar[0] &= 248;
        scalar[31] &= 127;
        scalar[31] |= 64;
        return new SecretBytes(scalar);
    }

    /// <summary>
    /// Maps an Ed25519 public key to its X25519 public key. Throws <see cref="CryptoException"/>
    /// <c>crypto.invalid_key</c>, as libsodium does, when the key is not a canonical point of the prime-order subgroup
    /// (so small-order and mixed-order points are refused).
    /// </summary>
    public static byte[] PublicKey(ReadOnlySpan<byte> ed25519PublicKey)
    {
        if (ed25519PublicKey.Length != Ed25519.PublicKeySize)
            throw new CryptoException("crypto.key_length", $"An Ed25519 public key is {Ed25519.PublicKeySize} bytes.");
        var result = new byte[32];
        if (!Sodium.Ed25519PublicKeyToCurve25519(ed25519PublicKey, result))
            throw new CryptoException("crypto.invalid_key", "The Ed25519 public key cannot be converted: it is not a canonical point of the prime-order subgroup.");
        return result;
    }
}
