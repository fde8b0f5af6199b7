using System.Security.Cryptography;

namespace Harmony.Core.Mls.Crypto;

/// <summary>
/// HKDF-SHA256 (RFC 5869). Written on HMAC directly because MLS and HPKE expand from pseudorandom keys of any length,
/// which the framework's HKDF.Expand refuses when shorter than the hash.
/// </summary>
public static class Hkdf
{
    /// <summary>Output size of SHA-256 in bytes.</summary>
    public const int HashLength = 32;

    /// <summary>HKDF-Extract: HMAC(salt, ikm); an empty salt acts as Nh zero bytes.</summary>
    public static byte[] Extract(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> ikm) => HMACSHA256.HashData(salt, ikm);

    /// <summary>HKDF-Expand to <paramref name="length"/> bytes (at most 255 blocks).</summary>
    public static byte[] Expand(ReadOnlySpan<byte> prk, ReadOnlySpan<byte> info, int length)
    {
        if (length < 0 || length > 255 * HashLength)
            throw new MlsException("mls.kdf", "HKDF output length out of range.");
        var output = new byte[length];
        Span<byte> block = stackalloc byte[HashLength];
        var input = new byte[HashLength + info.Length + 1];
        var previous = 0;
        var written = 0;
        for (byte counter = 1; written < length; counter++)
        {
            block[..previous].CopyTo(input);
            info.CopyTo(input.AsSpan(previous));
            input[previous + info.Length] = counter;
            HMACSHA256.HashData(prk, input.AsSpan(0, previous + info.Length + 1), block);
            var take = Math.Min(HashLength, length - written);
            block[..take].CopyTo(output.AsSpan(written));
            written += take;
            previous = HashLength;
        }
        CryptographicOperations.ZeroMemory(block);
        CryptographicOperations.ZeroMemory(input);
        return output;
    }
}
