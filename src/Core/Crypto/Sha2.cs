using System.Security.Cryptography;

namespace Harmony.Core.Crypto;

/// <summary>SHA-256 and SHA-512 (FIPS 180-4) one-shot digests.</summary>
public static class Sha2
{
    /// <summary>Computes SHA-256 (32 bytes).</summary>
    public static byte[] Sha256(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    /// <summary>Computes SHA-512 (64 bytes).</summary>
    public static byte[] Sha512(ReadOnlySpan<byte> data) => SHA512.HashData(data);
}
