using Harmony.Core.Mls;
using Harmony.Core.Mls.Crypto;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Mls;

public sealed class CryptoBasicsTests(ITestOutputHelper output)
{
    [Fact]
    public void CryptoBasicsVectors()
    {
        MlsVectorRun.ForEachSuiteCase(output, "crypto-basics.json", (suite, item) =>
        {
            var refHash = item.GetProperty("ref_hash");
            MlsVectorRun.Equal("ref_hash", refHash.Hex("out"),
                suite.RefHash(System.Text.Encoding.ASCII.GetBytes(refHash.GetProperty("label").GetString()!), refHash.Hex("value")));

            var expand = item.GetProperty("expand_with_label");
            MlsVectorRun.Equal("expand_with_label", expand.Hex("out"),
                suite.ExpandWithLabel(expand.Hex("secret"), expand.GetProperty("label").GetString()!, expand.Hex("context"), expand.GetProperty("length").GetInt32()));

            var derive = item.GetProperty("derive_secret");
            MlsVectorRun.Equal("derive_secret", derive.Hex("out"), suite.DeriveSecret(derive.Hex("secret"), derive.GetProperty("label").GetString()!));

            var tree = item.GetProperty("derive_tree_secret");
            MlsVectorRun.Equal("derive_tree_secret", tree.Hex("out"),
                suite.DeriveTreeSecret(tree.Hex("secret"), tree.GetProperty("label").GetString()!, tree.GetProperty("generation").GetUInt32(), tree.GetProperty("length").GetInt32()));

            var sign = item.GetProperty("sign_with_label");
            var label = sign.GetProperty("label").GetString()!;
            MlsVectorRun.Equal("signature public key", sign.Hex("pub"), suite.SignaturePublicKeyOf(sign.Hex("priv")));
            MlsVectorRun.Check(suite.VerifyWithLabel(sign.Hex("pub"), label, sign.Hex("content"), sign.Hex("signature")), "given signature verifies");
            var mine = suite.SignWithLabel(sign.Hex("priv"), label, sign.Hex("content"));
            MlsVectorRun.Check(suite.VerifyWithLabel(sign.Hex("pub"), label, sign.Hex("content"), mine), "own signature verifies");
            MlsVectorRun.Check(!suite.VerifyWithLabel(sign.Hex("pub"), label + "x", sign.Hex("content"), mine), "other label rejected");

            var enc = item.GetProperty("encrypt_with_label");
            var encLabel = enc.GetProperty("label").GetString()!;
            MlsVectorRun.Equal("hpke public key", enc.Hex("pub"), Hpke.PublicKeyOf(enc.Hex("priv")));
            MlsVectorRun.Equal("decrypt_with_label", enc.Hex("plaintext"),
                suite.DecryptWithLabel(enc.Hex("priv"), encLabel, enc.Hex("context"), enc.Hex("kem_output"), enc.Hex("ciphertext")));
            var sealedBox = suite.EncryptWithLabel(enc.Hex("pub"), encLabel, enc.Hex("context"), enc.Hex("plaintext"));
            MlsVectorRun.Equal("round trip", enc.Hex("plaintext"),
                suite.DecryptWithLabel(enc.Hex("priv"), encLabel, enc.Hex("context"), sealedBox.KemOutput, sealedBox.Ciphertext));
            MlsVectorRun.Throws("mls.aead", () => suite.DecryptWithLabel(enc.Hex("priv"), encLabel + "x", enc.Hex("context"), enc.Hex("kem_output"), enc.Hex("ciphertext")));
        });
    }

    [Fact]
    public void UnsupportedSuiteIsRejected()
    {
        var ex = Assert.Throws<MlsException>(() => CipherSuite.FromId(2));
        Assert.Equal("mls.cipher_suite", ex.Code);
    }

    [Fact]
    public void HkdfMatchesRfc5869TestCase1()
    {
        var ikm = Convert.FromHexString("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        var salt = Convert.FromHexString("000102030405060708090a0b0c");
        var info = Convert.FromHexString("f0f1f2f3f4f5f6f7f8f9");
        var prk = Hkdf.Extract(salt, ikm);
        Assert.Equal("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", Convert.ToHexStringLower(prk));
        Assert.Equal("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
            Convert.ToHexStringLower(Hkdf.Expand(prk, info, 42)));
    }
}
