using NSec.Cryptography;

namespace Harmony.Core.Crypto;

/// <summary>
/// An Ed25519 signing key held in libsodium-managed memory. The 32-byte private seed can only be read through
/// <see cref="ExportSeed"/>; <see cref="ToString"/> shows the public key only.
/// </summary>
public sealed class Ed25519KeyPair : IDisposable
{
    private readonly Key _key;

    private Ed25519KeyPair(Key key)
    {
        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>The 32-byte public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>Creates a key pair from fresh randomness.</summary>
    public static Ed25519KeyPair Generate() => new(Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>Derives the key pair from a 32-byte private seed (RFC 8032 §5.1.5).</summary>
    public static Ed25519KeyPair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != Ed25519.SeedSize)
            throw new CryptoException("crypto.key_length", $"An Ed25519 seed is {Ed25519.SeedSize} bytes.");
        return new(Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));
    }

    /// <summary>Signs <paramref name="message"/> (deterministic, 64 bytes).</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(_key, message);

    /// <summary>Returns a copy of the 32-byte private seed. Callers own and should clear it.</summary>
    public byte[] ExportSeed() => _key.Export(KeyBlobFormat.RawPrivateKey);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"Ed25519KeyPair(public {Convert.ToHexStringLower(PublicKey)})";
}
