using NSec.Cryptography;

namespace Harmony.Core.Crypto;

/// <summary>
/// Authenticated encryption with associated data over libsodium: <see cref="XChaCha20Poly1305"/> (24-byte nonce,
/// safe with random nonces) and <see cref="ChaCha20Poly1305"/> (RFC 8439, 12-byte nonce). Ciphertexts carry the
/// 16-byte tag at the end.
/// </summary>
public sealed class Aead
{
    private readonly AeadAlgorithm _algorithm;

    private Aead(string name, AeadAlgorithm algorithm)
    {
        Name = name;
        _algorithm = algorithm;
    }

    /// <summary>XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha).</summary>
    public static Aead XChaCha20Poly1305 { get; } = new("xchacha20-poly1305", AeadAlgorithm.XChaCha20Poly1305);

    /// <summary>ChaCha20-Poly1305 as in RFC 8439 (IETF variant).</summary>
    public static Aead ChaCha20Poly1305 { get; } = new("chacha20-poly1305", AeadAlgorithm.ChaCha20Poly1305);

    /// <summary>The algorithm's lowercase name, as written in file formats.</summary>
    public string Name { get; }

    /// <summary>Key size in bytes (32).</summary>
    public int KeySize => _algorithm.KeySize;

    /// <summary>Nonce size in bytes (24 or 12).</summary>
    public int NonceSize => _algorithm.NonceSize;

    /// <summary>Tag size in bytes (16).</summary>
    public int TagSize => _algorithm.TagSize;

    /// <summary>Encrypts <paramref name="plaintext"/>; returns ciphertext followed by the tag.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData = default)
    {
        CheckNonce(nonce);
        using var k = ImportKey(key);
        return _algorithm.Encrypt(k, nonce, associatedData, plaintext);
    }

    /// <summary>
    /// Decrypts and authenticates <paramref name="ciphertext"/> (ciphertext followed by the tag). Throws
    /// <see cref="CryptoException"/> <c>crypto.decrypt</c> when the tag, key, nonce or associated data do not match.
    /// </summary>
    public byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> associatedData = default)
    {
        CheckNonce(nonce);
        using var k = ImportKey(key);
        if (ciphertext.Length < TagSize)
            throw new CryptoException("crypto.decrypt", "The ciphertext is shorter than the authentication tag.");
        var plaintext = new byte[ciphertext.Length - TagSize];
        if (!_algorithm.Decrypt(k, nonce, associatedData, ciphertext, plaintext))
            throw new CryptoException("crypto.decrypt", "Decryption failed: the ciphertext is not authentic under this key, nonce and associated data.");
        return plaintext;
    }

    /// <summary>Returns a fresh random nonce of <see cref="NonceSize"/> bytes.</summary>
    public byte[] NewNonce() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(NonceSize);

    /// <inheritdoc />
    public override string ToString() => Name;

    private void CheckNonce(ReadOnlySpan<byte> nonce)
    {
        if (nonce.Length != NonceSize)
            throw new CryptoException("crypto.nonce_length", $"A {Name} nonce is {NonceSize} bytes.");
    }

    private Key ImportKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
            throw new CryptoException("crypto.key_length", $"A {Name} key is {KeySize} bytes.");
        return Key.Import(_algorithm, key, KeyBlobFormat.RawSymmetricKey);
    }
}
