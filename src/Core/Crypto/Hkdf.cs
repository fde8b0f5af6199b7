using System.Security.Cryptography;

namespace Harmony.Core.Crypto;

/// <summary>HKDF with HMAC-SHA256 (RFC 5869): extract, expand and the combined derive.</summary>
public static class Hkdf
{
    /// <summary>The hash (and pseudorandom key) length in bytes.</summary>
    public const int HashLength = 32;

    /// <summary>The largest output RFC 5869 allows: 255 blocks of the hash length.</summary>
    public const int MaxOutputLength = 255 * HashLength;

    /// <summary>HKDF-Extract: PRK = HMAC-SHA256(salt, ikm); an empty salt means 32 zero bytes.</summary>
    public static SecretBytes Extract(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> inputKeyMaterial) =>
        new(HKDF.Extract(HashAlgorithmName.SHA256, inputKeyMaterial.ToArray(), salt.ToArray()));

    /// <summary>HKDF-Expand of a pseudorandom key into <paramref name="length"/> bytes (0 to <see cref="MaxOutputLength"/>).</summary>
    public static SecretBytes Expand(ReadOnlySpan<byte> pseudorandomKey, ReadOnlySpan<byte> info, int length)
    {
        CheckLength(length);
        if (pseudorandomKey.Length < HashLength)
            throw new CryptoException("crypto.hkdf_prk", $"An HKDF-SHA256 pseudorandom key is at least {HashLength} bytes.");
        var output = new byte[length];
        if (length > 0) HKDF.Expand(HashAlgorithmName.SHA256, pseudorandomKey, output, info);
        return new SecretBytes(output);
    }

    /// <summary>Extract then expand: the full HKDF of RFC 5869 §2.</summary>
    public static SecretBytes DeriveKey(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, int length)
    {
        CheckLength(length);
        using var prk = Extract(salt, inputKeyMaterial);
        return Expand(prk.Span, info, length);
    }

    private static void CheckLength(int length)
    {
        if (length is < 0 or > MaxOutputLength)
            throw new CryptoException("crypto.hkdf_length", $"HKDF-SHA256 output is 0 to {MaxOutputLength} bytes.");
    }
}
