using NSec.Cryptography;

namespace Harmony.Core.Crypto;

/// <summary>
/// Ed25519 verification with libsodium's strict rules: canonical S (S &lt; L), canonical A and R encodings, and
/// small-order A or R rejected — the checks RFC 8032 §5.1.7 and the Wycheproof corpus expect.
/// </summary>
public static class Ed25519
{
    /// <summary>Public key size in bytes.</summary>
    public const int PublicKeySize = 32;

    /// <summary>Private seed size in bytes.</summary>
    public const int SeedSize = 32;

    /// <summary>Signature size in bytes.</summary>
    public const int SignatureSize = 64;

    /// <summary>
    /// Returns whether <paramref name="publicKey"/> is a canonical encoding of an edwards25519 point in the prime-order
    /// subgroup (so not of small or mixed order) — the keys a did:key may carry and the birational map accepts.
    /// </summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == PublicKeySize && Sodium.IsValidEd25519Point(publicKey);

    /// <summary>Returns whether <paramref name="signature"/> is a valid signature of <paramref name="message"/>; false for malformed keys or signatures.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize) return false;
        if (!NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
            return false;
        return SignatureAlgorithm.Ed25519.Verify(key, message, signature);
    }
}
