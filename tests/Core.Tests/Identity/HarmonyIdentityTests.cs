using Harmony.Core.Crypto;
using Harmony.Core.Crypto.Bip39;
using Harmony.Core.Identity;
using NSec.Cryptography;
using Xunit;

namespace Harmony.Core.Tests.Identity;

public sealed class HarmonyIdentityTests
{
    private const string Abandon12 = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    /// <summary>First Trezor vector: its published seed (passphrase "TREZOR") gives the DID by hand; the identity must match.</summary>
    [Fact]
    public void First_trezor_vector_with_its_passphrase()
    {
        using var doc = Vectors.Json("bip39", "vectors.json");
        var first = doc.RootElement.GetProperty("english")[0];
        Assert.Equal(Abandon12, first[1].GetString());
        var expected = HandDerivation.DidFromBip39Seed(Vectors.Hex(first[2].GetString()!));

        using var identity = HarmonyIdentity.FromMnemonic(Abandon12, "TREZOR");
        Assert.Equal(expected, identity.Did.Did);
    }

    /// <summary>
    /// The default (empty) passphrase. The seed 5eb00bbd… is the widely published BIP-39 seed of this phrase with no
    /// passphrase; it is also recomputed here with PBKDF2 directly.
    /// </summary>
    [Fact]
    public void First_trezor_mnemonic_with_the_default_empty_passphrase()
    {
        var seed = HandDerivation.Bip39Seed(Abandon12);
        Assert.Equal("5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc19a5ac40b389cd370d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4", Convert.ToHexStringLower(seed));
        var expectedDid = HandDerivation.DidFromBip39Seed(seed);

        // X25519 by hand: clamp SHA-512(seed32)[0..32], then scalar-multiply the base point with NSec.
        var scalar = System.Security.Cryptography.SHA512.HashData(seed.AsSpan(0, 32))[..32];
        scalar[0] &= 0xf8;
        scalar[31] = (byte)((scalar[31] & 0x7f) | 0x40);
        using var x = Key.Import(KeyAgreementAlgorithm.X25519, scalar, KeyBlobFormat.RawPrivateKey);
        var expectedX25519 = x.PublicKey.Export(KeyBlobFormat.RawPublicKey);

        using var identity = HarmonyIdentity.FromMnemonic(Abandon12);
        Assert.Equal(expectedDid, identity.Did.Did);
        Assert.Equal(expectedX25519, identity.KeyAgreementKey.PublicKey);
        Assert.Equal(expectedDid + "#" + HandDerivation.DidKeyOf(0xec, expectedX25519)["did:key:".Length..], identity.KeyAgreementKeyId);
        Assert.Equal(expectedDid + "#" + expectedDid["did:key:".Length..], identity.SigningKeyId);
    }

    [Fact]
    public void New_identities_use_24_words_and_restore_to_the_same_did()
    {
        using var created = HarmonyIdentity.Create(out var mnemonic);
        Assert.Equal(24, mnemonic.WordCount);
        using var restored = HarmonyIdentity.FromMnemonic(mnemonic.ToPhrase());
        Assert.Equal(created.Did, restored.Did);
        Assert.Equal(created.KeyAgreementKey.PublicKey, restored.KeyAgreementKey.PublicKey);
        Assert.StartsWith("did:key:z6Mk", created.Did.Did);
        Assert.StartsWith(created.Did.Did + "#z6LS", created.KeyAgreementKeyId);
    }

    [Fact]
    public void Signing_and_key_agreement_work_end_to_end()
    {
        using var alice = HarmonyIdentity.Create(out _);
        using var bob = HarmonyIdentity.FromMnemonic(Abandon12);
        var sig = alice.SigningKey.Sign("hello"u8);
        Assert.True(alice.Did.Verify("hello"u8, sig));
        using var s1 = alice.KeyAgreementKey.Agree(bob.KeyAgreementKey.PublicKey);
        using var s2 = bob.KeyAgreementKey.Agree(alice.KeyAgreementKey.PublicKey);
        Assert.True(s1.Equals(s2));
    }

    [Fact]
    public void Word_counts_outside_the_options_are_refused()
    {
        var m18 = Mnemonic.FromEntropy(new byte[24]);
        Assert.Equal("identity.word_count", Assert.Throws<IdentityException>(() => HarmonyIdentity.FromMnemonic(m18)).Code);
        using var ok = HarmonyIdentity.FromMnemonic(m18, options: IdentityOptions.Default with { AcceptedWordCounts = [18] });
        Assert.Equal("bip39.checksum", Assert.Throws<Bip39Exception>(() => HarmonyIdentity.FromMnemonic(Abandon12.Replace("about", "above", StringComparison.Ordinal))).Code);
    }

    [Fact]
    public void ToString_shows_only_the_did()
    {
        using var identity = HarmonyIdentity.FromMnemonic(Abandon12);
        Assert.Equal($"HarmonyIdentity({identity.Did.Did})", identity.ToString());
    }
}
