using Harmony.Core.Crypto;
using Xunit;

namespace Harmony.Core.Tests.Crypto;

public sealed class Argon2idTests
{
    /// <summary>
    /// Expected outputs come from the reference implementation's CLI (Debian package argon2 0~20190702), e.g.
    /// <c>echo -n "correct horse battery staple" | argon2 harmony-salt-16b -id -t 2 -k 1024 -p 1 -l 32</c>.
    /// </summary>
    [Theory]
    [InlineData("correct horse battery staple", "harmony-salt-16b", 1024, 2, "b9d806375ba2ec941dd55df0babff90040094b693351f63c85959ccfc1c91166")]
    [InlineData("password", "somesaltsomesalt", 65536, 3, "7664ad4ba1a3c999fcdd0991ffc2270f78302d2383233db5e7befc85d1bb1819")]
    public void Matches_the_reference_implementation(string passphrase, string salt, int memoryKiB, int iterations, string expected)
    {
        using var key = Argon2id.DeriveKey(passphrase, System.Text.Encoding.ASCII.GetBytes(salt), new Argon2idParameters(memoryKiB, iterations));
        Assert.Equal(expected, Convert.ToHexStringLower(key.Span));
    }

    [Fact]
    public void Passphrase_is_nfkd_normalized()
    {
        var salt = new byte[16];
        var p = new Argon2idParameters(64, 1);
        using var composed = Argon2id.DeriveKey("caf\u00e9", salt, p);
        using var decomposed = Argon2id.DeriveKey("cafe\u0301", salt, p);
        using var other = Argon2id.DeriveKey("cafe", salt, p);
        Assert.True(composed.Equals(decomposed));
        Assert.False(composed.Equals(other));
    }

    [Fact]
    public void Parameters_outside_the_limits_are_refused()
    {
        var salt = new byte[16];
        Assert.Equal("crypto.kdf_parameters", Assert.Throws<CryptoException>(() => Argon2id.DeriveKey("x", salt, new Argon2idParameters(4 * 1024 * 1024, 1))).Code);
        Assert.Equal("crypto.kdf_parameters", Assert.Throws<CryptoException>(() => Argon2id.DeriveKey("x", salt, new Argon2idParameters(64, 0))).Code);
        Assert.Equal("crypto.kdf_parameters", Assert.Throws<CryptoException>(() => Argon2id.DeriveKey("x", salt, new Argon2idParameters(64, 1, 4))).Code);
        Assert.Equal("crypto.kdf_parameters", Assert.Throws<CryptoException>(() => Argon2id.DeriveKey("x", new byte[8], new Argon2idParameters(64, 1))).Code);
        var strict = new Argon2idLimits(MaxMemoryKiB: 32);
        Assert.Equal("crypto.kdf_parameters", Assert.Throws<CryptoException>(() => Argon2id.DeriveKey("x", salt, new Argon2idParameters(64, 1), limits: strict)).Code);
    }

    [Fact]
    public void Defaults_are_an_interactive_unlock()
    {
        Assert.Equal(new Argon2idParameters(65536, 3, 1), Argon2idParameters.Interactive);
    }
}
