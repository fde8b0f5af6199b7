using System.Numerics;
using Harmony.Core.Crypto;
using Xunit;

namespace Harmony.Core.Tests.Crypto;

/// <summary>The did:key vectors (tests/Core.Tests/Did) check the map against published keys; these check its edges.</summary>
public sealed class Ed25519ToX25519Tests
{
    [Fact]
    public void Private_and_public_maps_agree_for_random_keys()
    {
        for (var i = 0; i < 32; i++)
        {
            using var ed = Ed25519KeyPair.Generate();
            var seed = ed.ExportSeed();
            using var scalar = Ed25519ToX25519.PrivateKey(seed);
            Assert.Equal(X25519.PublicKeyOf(scalar.Span), Ed25519ToX25519.PublicKey(ed.PublicKey));
            Assert.True(Ed25519.IsValidPublicKey(ed.PublicKey));
        }
    }

    /// <summary>The public map equals u = (1 + y) / (1 - y) mod p computed here with BigInteger (RFC 7748 §4.1).</summary>
    [Fact]
    public void Public_map_matches_the_birational_formula()
    {
        for (var i = 0; i < 32; i++)
        {
            using var ed = Ed25519KeyPair.Generate();
            var y = DecodeY(ed.PublicKey);
            var u = (1 + y) * BigInteger.ModPow(Mod(1 - y), P - 2, P) % P;
            var expected = new byte[32];
            u.TryWriteBytes(expected, out _, isUnsigned: true, isBigEndian: false);
            Assert.Equal(expected, Ed25519ToX25519.PublicKey(ed.PublicKey));
        }
    }

    /// <summary>
    /// A mixed-order key: adding the order-2 point (0, -1) to A = (x, y) gives (-x, -y), encoded as p - y with the
    /// sign bit flipped. It is on the curve but outside the prime-order subgroup, so it is refused.
    /// </summary>
    [Fact]
    public void Mixed_order_public_key_is_refused()
    {
        using var ed = Ed25519KeyPair.Generate();
        var encoded = new byte[32];
        (P - DecodeY(ed.PublicKey)).TryWriteBytes(encoded, out _, isUnsigned: true, isBigEndian: false);
        encoded[31] |= (byte)(~ed.PublicKey[31] & 0x80);
        Assert.True(Ed25519.IsValidPublicKey(ed.PublicKey));
        Assert.False(Ed25519.IsValidPublicKey(encoded));
        Assert.Equal("crypto.invalid_key", Assert.Throws<CryptoException>(() => Ed25519ToX25519.PublicKey(encoded)).Code);
    }

    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;

    private static BigInteger Mod(BigInteger v) => ((v % P) + P) % P;

    private static BigInteger DecodeY(byte[] publicKey)
    {
        var copy = publicKey.ToArray();
        copy[31] &= 0x7f;
        return new BigInteger(copy, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>The private map is SHA-512(seed)[0..32] clamped (RFC 8032 §5.1.5 steps 1-2), computed here by hand.</summary>
    [Fact]
    public void Private_map_is_the_clamped_hash_prefix()
    {
        var seed = Vectors.Hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        var h = System.Security.Cryptography.SHA512.HashData(seed)[..32];
        h[0] &= 0xf8;
        h[31] = (byte)((h[31] & 0x7f) | 0x40);
        using var scalar = Ed25519ToX25519.PrivateKey(seed);
        Assert.Equal(h, scalar.ToArray());
    }

    [Theory]
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")] // identity (y = 1)
    [InlineData("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")] // y = -1, order 2
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")] // y = 0, order 4
    [InlineData("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a")] // order 8
    [InlineData("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")] // y = p, not reduced
    [InlineData("0200000000000000000000000000000000000000000000000000000000000000")] // y = 2, not on the curve
    public void Unusable_public_keys_are_refused(string hex)
    {
        Assert.False(Ed25519.IsValidPublicKey(Vectors.Hex(hex)));
        Assert.Equal("crypto.invalid_key", Assert.Throws<CryptoException>(() => Ed25519ToX25519.PublicKey(Vectors.Hex(hex))).Code);
    }

    [Fact]
    public void Sizes_are_checked()
    {
        Assert.Equal("crypto.key_length", Assert.Throws<CryptoException>(() => Ed25519ToX25519.PublicKey(new byte[31])).Code);
        Assert.Equal("crypto.key_length", Assert.Throws<CryptoException>(() => Ed25519ToX25519.PrivateKey(new byte[64])).Code);
    }
}
