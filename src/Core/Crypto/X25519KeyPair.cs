using NSec.Cryptography;

namespace Harmony.Core.Crypto;

/// <summary>
/// An X25519 key-agreement key held in libsodium-managed memory. <see cref="ToString"/> shows the public key only;
/// the private scalar leaves only through <see cref="ExportPrivateKey"/>.
/// </summary>
public sealed class X25519KeyPair : IDisposable
{
    private readonly Key _key;

    private X25519KeyPair(Key key)
    {
        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>The 32-byte public key (Montgomery u-coordinate).</summary>
    public byte[] PublicKey { get; }

    /// <summary>Creates a key pair from fresh randomness.</summary>
    public static X25519KeyPair Generate() =>
        new(Key.Create(KeyAgreementAlgorithm.X25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>Wraps a 32-byte private scalar.</summary>
    public static X25519KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey) => new(X25519.ImportPrivateKey(privateKey));

    /// <summary>Derives the key-agreement key that belongs to an Ed25519 key (see <see cref="Ed25519ToX25519"/>).</summary>
    public static X25519KeyPair FromEd25519(Ed25519KeyPair signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        var seed = signingKey.ExportSeed();
        try
        {
            using var scalar = Ed25519ToX25519.PrivateKey(seed);
            return FromPrivateKey(scalar.Span);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Computes the raw shared secret with <paramref name="peerPublicKey"/>; see <see cref="X25519.Agree(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>.</summary>
    public SecretBytes Agree(ReadOnlySpan<byte> peerPublicKey) => X25519.Agree(_key, peerPublicKey);

    /// <summary>Returns a copy of the 32-byte private scalar.</summary>
    public SecretBytes ExportPrivateKey() => new(_key.Export(KeyBlobFormat.RawPrivateKey));

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"X25519KeyPair(public {Convert.ToHexStringLower(PublicKey)})";
}
