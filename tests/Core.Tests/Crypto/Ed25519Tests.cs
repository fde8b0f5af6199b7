using System.Text.Json;
using Harmony.Core.Crypto;
using Harmony.Core.Encoding;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Crypto;

public sealed class Ed25519Tests(ITestOutputHelper output)
{
    /// <summary>Wycheproof ed25519_test.json: "valid" must verify, "invalid" must not (there are no "acceptable" cases).</summary>
    [Fact]
    public void Wycheproof_every_case()
    {
        using var doc = Vectors.Json("wycheproof", "ed25519_test.json");
        var tally = new VectorTally("ed25519_test.json", output);
        foreach (var group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            var pk = Vectors.Hex(group.GetProperty("publicKey").GetProperty("pk").GetString()!);
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                var id = "tcId " + test.GetProperty("tcId").GetInt32();
                var ok = Ed25519.Verify(pk, Vectors.Hex(test.GetProperty("msg").GetString()!), Vectors.Hex(test.GetProperty("sig").GetString()!));
                var result = test.GetProperty("result").GetString();
                Assert.NotEqual("acceptable", result);
                tally.Check(ok == (result == "valid"), id, $"{result} case verified={ok}");
            }
        }
        tally.AssertAllPassed(doc.RootElement.GetProperty("numberOfTests").GetInt32());
    }

    /// <summary>Wycheproof tcIds 80-83 are RFC 8032 §7.1 TEST 1, 2, 3 and 1024; they must be present and verify.</summary>
    [Fact]
    public void Rfc8032_known_answers_in_wycheproof()
    {
        using var doc = Vectors.Json("wycheproof", "ed25519_test.json");
        var seen = new List<int>();
        foreach (var group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
        foreach (var test in group.GetProperty("tests").EnumerateArray())
        {
            var id = test.GetProperty("tcId").GetInt32();
            if (id is < 80 or > 83) continue;
            Assert.StartsWith("draft-josefsson-eddsa-ed25519-02", test.GetProperty("comment").GetString());
            Assert.Equal("valid", test.GetProperty("result").GetString());
            var pk = Vectors.Hex(group.GetProperty("publicKey").GetProperty("pk").GetString()!);
            var sig = Vectors.Hex(test.GetProperty("sig").GetString()!);
            var msg = Vectors.Hex(test.GetProperty("msg").GetString()!);
            Assert.True(Ed25519.Verify(pk, msg, sig), $"tcId {id}");
            sig[0] ^= 1;
            Assert.False(Ed25519.Verify(pk, msg, sig), $"tcId {id} tampered");
            seen.Add(id);
        }
        Assert.Equal([80, 81, 82, 83], seen.Order());
    }

    /// <summary>RFC 8032 sign vectors (web5 spec suite, JWK keys): the seed gives the public key x and the signature.</summary>
    [Fact]
    public void Rfc8032_sign_vectors()
    {
        using var doc = Vectors.Json("ed25519-web5", "sign.json");
        var tally = new VectorTally("ed25519-web5/sign.json", output);
        foreach (var v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var id = v.GetProperty("description").GetString()!;
            var key = v.GetProperty("input").GetProperty("key");
            var data = Vectors.Hex(v.GetProperty("input").GetProperty("data").GetString()!);
            if (v.GetProperty("errors").GetBoolean())
            {
                // The error case is a public-only JWK: with no "d" there is no seed to sign with.
                tally.Check(!key.TryGetProperty("d", out _), id, "error case carries a private key");
                continue;
            }
            using var pair = Ed25519KeyPair.FromSeed(Base64Url.Decode(key.GetProperty("d").GetString()!));
            var sig = pair.Sign(data);
            var ok = Base64Url.Encode(pair.PublicKey) == key.GetProperty("x").GetString()
                && Convert.ToHexStringLower(sig) == v.GetProperty("output").GetString()
                && Ed25519.Verify(pair.PublicKey, data, sig);
            tally.Check(ok, id, "public key or signature differs");
        }
        tally.AssertAllPassed(5);
    }

    [Fact]
    public void Rfc8032_verify_vectors()
    {
        using var doc = Vectors.Json("ed25519-web5", "verify.json");
        var tally = new VectorTally("ed25519-web5/verify.json", output);
        foreach (var v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var input = v.GetProperty("input");
            var ok = Ed25519.Verify(
                Base64Url.Decode(input.GetProperty("key").GetProperty("x").GetString()!),
                Vectors.Hex(input.GetProperty("data").GetString()!),
                Vectors.Hex(input.GetProperty("signature").GetString()!));
            tally.Check(ok == v.GetProperty("output").GetBoolean(), v.GetProperty("description").GetString()!, $"verified={ok}");
        }
        tally.AssertAllPassed(7);
    }
}
