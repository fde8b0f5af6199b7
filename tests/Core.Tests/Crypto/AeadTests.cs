using Harmony.Core.Crypto;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Crypto;

public sealed class AeadTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("xchacha20_poly1305_test.json", "xchacha20-poly1305")]
    [InlineData("chacha20_poly1305_test.json", "chacha20-poly1305")]
    public void Wycheproof_every_case(string file, string algorithm)
    {
        var aead = algorithm == "xchacha20-poly1305" ? Aead.XChaCha20Poly1305 : Aead.ChaCha20Poly1305;
        using var doc = Vectors.Json("wycheproof", file);
        var tally = new VectorTally(file, output);
        foreach (var group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
        foreach (var test in group.GetProperty("tests").EnumerateArray())
        {
            var id = "tcId " + test.GetProperty("tcId").GetInt32();
            var key = Vectors.Hex(test.GetProperty("key").GetString()!);
            var nonce = Vectors.Hex(test.GetProperty("iv").GetString()!);
            var aad = Vectors.Hex(test.GetProperty("aad").GetString()!);
            var msg = test.GetProperty("msg").GetString()!;
            var sealedHex = test.GetProperty("ct").GetString()! + test.GetProperty("tag").GetString()!;
            var valid = test.GetProperty("result").GetString() == "valid";
            string? decrypted;
            try
            {
                decrypted = Convert.ToHexStringLower(aead.Decrypt(key, nonce, Vectors.Hex(sealedHex), aad));
            }
            catch (CryptoException e) when (e.Code is "crypto.decrypt" or "crypto.nonce_length")
            {
                decrypted = null;
            }
            if (!valid)
            {
                tally.Check(decrypted is null, id, "invalid case decrypted");
                continue;
            }
            var encrypted = Convert.ToHexStringLower(aead.Encrypt(key, nonce, Vectors.Hex(msg), aad));
            tally.Check(decrypted == msg && encrypted == sealedHex, id, $"decrypt ok={decrypted == msg}, encrypt ok={encrypted == sealedHex}");
        }
        tally.AssertAllPassed(doc.RootElement.GetProperty("numberOfTests").GetInt32());
    }

    [Fact]
    public void Tampering_with_any_input_fails_with_crypto_decrypt()
    {
        var aead = Aead.XChaCha20Poly1305;
        var key = new byte[32];
        key[0] = 1;
        var nonce = aead.NewNonce();
        var aad = "header"u8.ToArray();
        var sealedBox = aead.Encrypt(key, nonce, "hello"u8, aad);
        Assert.Equal("hello"u8.ToArray(), aead.Decrypt(key, nonce, sealedBox, aad));

        var flipped = sealedBox.ToArray();
        flipped[0] ^= 1;
        Assert.Equal("crypto.decrypt", Assert.Throws<CryptoException>(() => aead.Decrypt(key, nonce, flipped, aad)).Code);
        Assert.Equal("crypto.decrypt", Assert.Throws<CryptoException>(() => aead.Decrypt(key, nonce, sealedBox, "other"u8)).Code);
        var otherKey = key.ToArray();
        otherKey[31] = 9;
        Assert.Equal("crypto.decrypt", Assert.Throws<CryptoException>(() => aead.Decrypt(otherKey, nonce, sealedBox, aad)).Code);
        Assert.Equal("crypto.decrypt", Assert.Throws<CryptoException>(() => aead.Decrypt(key, nonce, sealedBox[..10], aad)).Code);
        Assert.Equal("crypto.nonce_length", Assert.Throws<CryptoException>(() => aead.Decrypt(key, new byte[12], sealedBox, aad)).Code);
        Assert.Equal("crypto.key_length", Assert.Throws<CryptoException>(() => aead.Encrypt(new byte[16], nonce, "x"u8)).Code);
    }
}
