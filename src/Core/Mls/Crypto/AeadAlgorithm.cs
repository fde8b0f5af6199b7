using System.Security.Cryptography;

namespace Harmony.Core.Mls.Crypto;

/// <summary>The AEADs used by the supported suites, with their HPKE identifiers (RFC 9180 §7.3).</summary>
public sealed class AeadAlgorithm
{
    /// <summary>AES-128-GCM (HPKE id 0x0001).</summary>
    public static AeadAlgorithm Aes128Gcm { get; } = new(0x0001, 16, "AES-128-GCM");

    /// <summary>ChaCha20-Poly1305 (HPKE id 0x0003).</summary>
    public static AeadAlgorithm ChaCha20Poly1305 { get; } = new(0x0003, 32, "ChaCha20-Poly1305");

    /// <summary>Nonce size in bytes for both algorithms.</summary>
    public const int NonceSize = 12;

    /// <summary>Authentication tag size in bytes for both algorithms.</summary>
    public const int TagSize = 16;

    private AeadAlgorithm(ushort id, int keySize, string name)
    {
        Id = id;
        KeySize = keySize;
        Name = name;
    }

    /// <summary>HPKE AEAD identifier.</summary>
    public ushort Id { get; }

    /// <summary>Key size (Nk) in bytes.</summary>
    public int KeySize { get; }

    /// <summary>Human-readable name.</summary>
    public string Name { get; }

    /// <summary>Encrypts <paramref name="plaintext"/>; returns ciphertext followed by the tag.</summary>
    public byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        CheckSizes(key, nonce);
        var output = new byte[plaintext.Length + TagSize];
        var ciphertext = output.AsSpan(0, plaintext.Length);
        var tag = output.AsSpan(plaintext.Length);
        if (Id == Aes128Gcm.Id)
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(nonce, plaintext, ciphertext, tag, aad);
        }
        else
        {
            using var chacha = new System.Security.Cryptography.ChaCha20Poly1305(key);
            chacha.Encrypt(nonce, plaintext, ciphertext, tag, aad);
        }
        return output;
    }

    /// <summary>Decrypts and authenticates; throws <c>mls.aead</c> when the tag does not verify.</summary>
    public byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertextAndTag)
    {
        CheckSizes(key, nonce);
        if (ciphertextAndTag.Length < TagSize)
            throw new MlsException("mls.aead", "Ciphertext is shorter than the authentication tag.");
        var length = ciphertextAndTag.Length - TagSize;
        var plaintext = new byte[length];
        try
        {
            if (Id == Aes128Gcm.Id)
            {
                using var aes = new AesGcm(key, TagSize);
                aes.Decrypt(nonce, ciphertextAndTag[..length], ciphertextAndTag[length..], plaintext, aad);
            }
            else
            {
                using var chacha = new System.Security.Cryptography.ChaCha20Poly1305(key);
                chacha.Decrypt(nonce, ciphertextAndTag[..length], ciphertextAndTag[length..], plaintext, aad);
            }
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new MlsException("mls.aead", "Decryption failed: the authentication tag does not verify.");
        }
        return plaintext;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private void CheckSizes(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce)
    {
        if (key.Length != KeySize || nonce.Length != NonceSize)
            throw new MlsException("mls.aead", $"{Name} needs a {KeySize}-byte key and a {NonceSize}-byte nonce.");
    }
}
