using System.Text.Json;
using Harmony.Core.Crypto;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Crypto;

public sealed class X25519Tests(ITestOutputHelper output)
{
    /// <summary>
    /// Wycheproof x25519_test.json, every case. "valid" must agree on the shared secret. There are no "invalid"
    /// cases in this file; if any appear they must be rejected. "acceptable" cases are classified by flag:
    /// ZeroSharedSecret (low-order public keys) is REJECTED, like libsodium, because the result would be public;
    /// every other acceptable case (Twist, NonCanonicalPublic, the public key's top bit set) is ACCEPTED and must
    /// give the expected secret, as RFC 7748 §5 prescribes (mask bit 255, reduce u mod p, no twist check).
    /// </summary>
    [Fact]
    public void Wycheproof_x25519_every_case()
    {
        using var doc = Vectors.Json("wycheproof", "x25519_test.json");
        var tally = new VectorTally("x25519_test.json", output);
        int acceptedAcceptable = 0, rejectedAcceptable = 0;
        foreach (var group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
        foreach (var test in group.GetProperty("tests").EnumerateArray())
        {
            var id = "tcId " + test.GetProperty("tcId").GetInt32();
            var pub = Vectors.Hex(test.GetProperty("public").GetString()!);
            var priv = Vectors.Hex(test.GetProperty("private").GetString()!);
            var expected = test.GetProperty("shared").GetString()!;
            var result = test.GetProperty("result").GetString();
            var flags = test.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToHashSet();
            string? got;
            try
            {
                using var secret = X25519.Agree(priv, pub);
                got = Convert.ToHexStringLower(secret.Span);
            }
            catch (CryptoException e) when (e.Code == "crypto.key_agreement")
            {
                got = null;
            }
            var mustReject = result == "invalid" || (result == "acceptable" && flags.Contains("ZeroSharedSecret"));
            if (mustReject)
            {
                tally.Check(got is null, id, $"{result} {string.Join(',', flags)} was accepted");
                if (result == "acceptable" && got is null) rejectedAcceptable++;
            }
            else
            {
                tally.Check(got == expected, id, got is null ? $"{result} case rejected" : $"shared secret {got} != {expected}");
                if (result == "acceptable" && got == expected) acceptedAcceptable++;
            }
        }
        output.WriteLine($"acceptable cases: {acceptedAcceptable} accepted, {rejectedAcceptable} rejected (ZeroSharedSecret)");
        tally.AssertAllPassed(doc.RootElement.GetProperty("numberOfTests").GetInt32());
    }

    [Fact]
    public void Rfc7748_section_5_2_vectors()
    {
        var tally = new VectorTally("rfc7748-x25519.txt", output);
        foreach (var (count, fields) in PycaVectors.Parse(Vectors.Text("rfc-pyca", "rfc7748-x25519.txt")))
        {
            using var secret = X25519.Agree(Vectors.Hex(fields["INPUT_SCALAR"]), Vectors.Hex(fields["INPUT_U"]));
            var got = Convert.ToHexStringLower(secret.Span);
            tally.Check(got == fields["OUTPUT_U"].ToLowerInvariant(), "COUNT " + count, got);
        }
        tally.AssertAllPassed(3);
    }

    /// <summary>RFC 7748 §5.2 iterated test: k, u = X25519(k, u), k; results after 1 and 1,000 iterations.</summary>
    [Fact]
    public void Rfc7748_iterated_1000()
    {
        var k = Vectors.Hex("0900000000000000000000000000000000000000000000000000000000000000");
        var u = k.ToArray();
        string? afterOne = null;
        for (var i = 1; i <= 1000; i++)
        {
            using var next = X25519.Agree(k, u);
            u = k;
            k = next.ToArray();
            if (i == 1) afterOne = Convert.ToHexStringLower(k);
        }
        Assert.Equal("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079", afterOne);
        Assert.Equal("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51", Convert.ToHexStringLower(k));
    }

    /// <summary>RFC 7748 §6.1: both sides of the Alice/Bob exchange compute the same secret from each other's public keys.</summary>
    [Fact]
    public void Rfc7748_diffie_hellman_example()
    {
        var alicePriv = Vectors.Hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        var bobPriv = Vectors.Hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        Assert.Equal("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", Convert.ToHexStringLower(X25519.PublicKeyOf(alicePriv)));
        Assert.Equal("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", Convert.ToHexStringLower(X25519.PublicKeyOf(bobPriv)));
        using var alice = X25519KeyPair.FromPrivateKey(alicePriv);
        using var bob = X25519KeyPair.FromPrivateKey(bobPriv);
        using var s1 = alice.Agree(bob.PublicKey);
        using var s2 = bob.Agree(alice.PublicKey);
        Assert.Equal("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", Convert.ToHexStringLower(s1.Span));
        Assert.True(s1.Equals(s2));
    }

    [Fact]
    public void Low_order_public_key_is_rejected_and_sizes_are_checked()
    {
        using var key = X25519KeyPair.Generate();
        var zero = new byte[32];
        Assert.Equal("crypto.key_agreement", Assert.Throws<CryptoException>(() => key.Agree(zero)).Code);
        Assert.Equal("crypto.key_length", Assert.Throws<CryptoException>(() => key.Agree(new byte[31])).Code);
        Assert.Equal("crypto.key_length", Assert.Throws<CryptoException>(() => X25519.Agree(new byte[33], new byte[32])).Code);
    }

    [Fact]
    public void Secrets_do_not_show_in_ToString()
    {
        var priv = Vectors.Hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        using var pair = X25519KeyPair.FromPrivateKey(priv);
        using var exported = pair.ExportPrivateKey();
        Assert.DoesNotContain("77076d0a", pair.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("77076d0a", exported.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("redacted", exported.ToString());
    }
}
