using NSec.Cryptography;

namespace Harmony.Core.Crypto;

/// <summary>
/// X25519 Diffie-Hellman (RFC 7748) over libsodium. Public keys are taken as RFC 7748 §5 says: the top bit is
/// ignored and non-canonical u values are reduced. Like libsodium, agreement fails when the result is all zero,
/// which is exactly the case of low-order (small-subgroup) public keys.
/// </summary>
public static class X25519
{
    /// <summary>Public key size in bytes.</summary>
    public const int PublicKeySize = 32;

    /// <summary>Private key (scalar) size in bytes.</summary>
    public const int PrivateKeySize = 32;

    /// <summary>Shared secret size in bytes.</summary>
    public const int SharedSecretSize = 32;

    /// <summary>
    /// Computes the raw shared secret X25519(privateKey, publicKey). Throws <see cref="CryptoException"/>
    /// <c>crypto.key_agreement</c> for a low-order public key (all-zero output) and <c>crypto.key_length</c> for bad sizes.
    /// </summary>
    public static SecretBytes Agree(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey)
    {
        using var key = ImportPrivateKey(privateKey);
        return Agree(key, publicKey);
    }

    /// <summary>Returns the public key of a 32-byte private scalar (clamped as RFC 7748 requires).</summary>
    public static byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey)
    {
        using var key = ImportPrivateKey(privateKey);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    internal static Key ImportPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeySize)
            throw new CryptoException("crypto.key_length", $"An X25519 private key is {PrivateKeySize} bytes.");
        return Key.Import(KeyAgreementAlgorithm.X25519, privateKey, KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    }

    internal static SecretBytes Agree(Key privateKey, ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeySize)
            throw new CryptoException("crypto.key_length", $"An X25519 public key is {PublicKeySize} bytes.");
        if (!PublicKey.TryImport(KeyAgreementAlgorithm.X25519, publicKey, KeyBlobFormat.RawPublicKey, out var peer) || peer is null)
            throw new CryptoException("crypto.key_agreement", "The X25519 public key cannot be used.");
        using var shared = KeyAgreementAlgorithm.X25519.Agree(privateKey, peer,
            new SharedSecretCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        // libsodium refuses an all-zero result: the peer key had low order and the "secret" would be public.
        if (shared is null)
            throw new CryptoException("crypto.key_agreement", "X25519 produced an all-zero shared secret (low-order public key).");
        return new SecretBytes(shared.Export(SharedSecretBlobFormat.RawSharedSecret));
    }
}
