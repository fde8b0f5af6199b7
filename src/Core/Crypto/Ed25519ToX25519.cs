using System.Numerics;
using System.Security.Cryptography;

namespace Harmony.Core.Crypto;

/// <summary>
/// The birational map from Ed25519 keys to X25519 keys (RFC 7748 §4.1), the one libsodium's
/// <c>crypto_sign_ed25519_*_to_curve25519</c> and did:key's derived <c>keyAgreement</c> use.
/// Private: the clamped first half of SHA-512(seed), i.e. the Ed25519 secret scalar. Public: u = (1 + y) / (1 - y) mod p.
/// </summary>
public static class Ed25519ToX25519
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;

    // d = -121665 / 121666 mod p (RFC 8032 §5.1).
    private static readonly BigInteger D = Mod(-121665 * Inverse(121666));

    // sqrt(-1) = 2^((p-1)/4) mod p.
    private static readonly BigInteger SqrtMinusOne = BigInteger.ModPow(2, (P - 1) / 4, P);

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
    /// <c>crypto.invalid_key</c> when the key is not a canonical curve point or has small order (as libsodium does);
    /// mixed-order points are mapped, since X25519's clamping clears the cofactor.
    /// </summary>
    public static byte[] PublicKey(ReadOnlySpan<byte> ed25519PublicKey)
    {
        if (ed25519PublicKey.Length != Ed25519.PublicKeySize)
            throw new CryptoException("crypto.key_length", $"An Ed25519 public key is {Ed25519.PublicKeySize} bytes.");
        var encoded = ed25519PublicKey.ToArray();
        var xIsOdd = (encoded[31] & 0x80) != 0;
        encoded[31] &= 0x7f;
        var y = new BigInteger(encoded, isUnsigned: true, isBigEndian: false);
        if (y >= P) throw Invalid("its y coordinate is not reduced mod p");
        var x = RecoverX(y, xIsOdd) ?? throw Invalid("it is not a point on edwards25519");
        if (HasSmallOrder(x, y)) throw Invalid("it has small order");
        var u = Mod((1 + y) * Inverse(Mod(1 - y)));
        var result = new byte[32];
        u.TryWriteBytes(result, out _, isUnsigned: true, isBigEndian: false);
        return result;
    }

    private static CryptoException Invalid(string why) => new("crypto.invalid_key", $"The Ed25519 public key cannot be converted: {why}.");

    // RFC 8032 §5.1.3 decoding, steps 2-4.
    private static BigInteger? RecoverX(BigInteger y, bool xIsOdd)
    {
        var y2 = y * y % P;
        var u = Mod(y2 - 1);
        var v = Mod(D * y2 + 1);
        var v3 = v * v % P * v % P;
        var v7 = v3 * v3 % P * v % P;
        var x = u * v3 % P * BigInteger.ModPow(u * v7 % P, (P - 5) / 8, P) % P;
        var vx2 = v * x % P * x % P;
        if (vx2 != u)
        {
            if (vx2 != Mod(-u)) return null;
            x = x * SqrtMinusOne % P;
        }
        if (x.IsZero && xIsOdd) return null;
        if (x.IsEven == xIsOdd) x = P - x;
        return x;
    }

    // A point has small order iff multiplying it by the cofactor 8 gives the neutral element (0, 1).
    private static bool HasSmallOrder(BigInteger x, BigInteger y)
    {
        for (var i = 0; i < 3; i++) (x, y) = Double(x, y);
        return x.IsZero && y.IsOne;
    }

    // Affine twisted Edwards doubling with a = -1; the formulas are complete on edwards25519.
    private static (BigInteger X, BigInteger Y) Double(BigInteger x, BigInteger y)
    {
        var xx = x * x % P;
        var yy = y * y % P;
        var dxxyy = D * xx % P * yy % P;
        var x3 = 2 * x * y % P * Inverse(Mod(1 + dxxyy)) % P;
        var y3 = Mod(yy + xx) * Inverse(Mod(1 - dxxyy)) % P;
        return (x3, y3);
    }

    private static BigInteger Mod(BigInteger value)
    {
        var r = value % P;
        return r.Sign < 0 ? r + P : r;
    }

    private static BigInteger Inverse(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);
}
