using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Encoding;
using Harmony.Core.Tests.Crypto;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Did;

/// <summary>
/// did-method-key test vectors. They use 2018/2019 key types (publicKeyBase58) and JsonWebKey2020 (publicKeyJwk);
/// Harmony writes Multikey (publicKeyMultibase). Every key is compared as raw bytes, every id as a string.
/// </summary>
public sealed class DidKeyVectorTests(ITestOutputHelper output)
{
    [Fact]
    public void Ed25519_x25519_vectors()
    {
        using var doc = Vectors.Json("did-key", "ed25519-x25519.json");
        var tally = new VectorTally("did-key/ed25519-x25519.json", output);
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            var did = entry.Name;
            var v = entry.Value;
            var problems = new List<string>();
            void Expect(bool ok, string what)
            {
                if (!ok) problems.Add(what);
            }

            var seed = Vectors.Hex(v.GetProperty("seed").GetString()!);
            using var signing = Ed25519KeyPair.FromSeed(seed);
            Expect(DidKey.FromEd25519(signing.PublicKey).Did == did, "DID from seed");
            var vk = v.GetProperty("verificationKeyPair");
            Expect(RawPublicKey(vk).SequenceEqual(signing.PublicKey), "Ed25519 public key");
            Expect(Absolute(did, vk.GetProperty("id").GetString()!) == DidKey.Parse(did).VerificationMethodId, "Ed25519 key id");

            var ka = v.GetProperty("keyAgreementKeyPair");
            var expectedX = RawPublicKey(ka);
            using var x25519 = X25519KeyPair.FromEd25519(signing);
            Expect(expectedX.SequenceEqual(x25519.PublicKey), "X25519 public key from the private map");
            Expect(expectedX.SequenceEqual(Ed25519ToX25519.PublicKey(signing.PublicKey)), "X25519 public key from the public map");
            using var scalar = x25519.ExportPrivateKey();
            Expect(Clamp(RawPrivateKey(ka)).SequenceEqual(scalar.ToArray()), "X25519 private key (clamped)");

            var document = DidResolver.Resolve(did);
            Expect(Absolute(did, ka.GetProperty("id").GetString()!) == document.KeyAgreement.Single(), "keyAgreement id");
            CompareDocuments(did, v.GetProperty("didDocument"), document, problems);
            tally.Check(problems.Count == 0, did, string.Join("; ", problems));
        }
        tally.AssertAllPassed(5);
    }

    [Fact]
    public void X25519_vectors()
    {
        using var doc = Vectors.Json("did-key", "x25519.json");
        var tally = new VectorTally("did-key/x25519.json", output);
        foreach (var entry in doc.RootElement.GetProperty("didDocument").EnumerateObject())
        {
            var problems = new List<string>();
            var document = DidResolver.Resolve(entry.Name);
            CompareDocuments(entry.Name, entry.Value, document, problems);
            if (document.Authentication.Count + document.AssertionMethod.Count + document.CapabilityInvocation.Count + document.CapabilityDelegation.Count != 0)
                problems.Add("an X25519 did:key must not sign");
            tally.Check(problems.Count == 0, entry.Name, string.Join("; ", problems));
        }
        tally.AssertAllPassed(4);
    }

    /// <summary>Same id, same verification method ids and raw keys (in order), same relationships.</summary>
    private static void CompareDocuments(string did, JsonElement expected, DidDocument actual, List<string> problems)
    {
        if (actual.Id != expected.GetProperty("id").GetString()) problems.Add("document id");
        var expectedMethods = expected.GetProperty("verificationMethod").EnumerateArray().ToList();
        if (expectedMethods.Count != actual.VerificationMethod.Count) problems.Add("verificationMethod count");
        foreach (var (e, a) in expectedMethods.Zip(actual.VerificationMethod))
        {
            if (Absolute(did, e.GetProperty("id").GetString()!) != a.Id) problems.Add($"method id {a.Id}");
            if (e.GetProperty("controller").GetString() != a.Controller) problems.Add($"controller of {a.Id}");
            if (!RawPublicKey(e).SequenceEqual(Multicodec.Split(Multibase.Decode(a.PublicKeyMultibase)).Key)) problems.Add($"key of {a.Id}");
        }
        foreach (var (name, ids) in new (string, IReadOnlyList<string>)[]
        {
            ("authentication", actual.Authentication), ("assertionMethod", actual.AssertionMethod),
            ("capabilityInvocation", actual.CapabilityInvocation), ("capabilityDelegation", actual.CapabilityDelegation),
            ("keyAgreement", actual.KeyAgreement),
        })
        {
            var want = expected.TryGetProperty(name, out var arr) ? arr.EnumerateArray().Select(i => Absolute(did, i.GetString()!)).ToList() : [];
            if (!want.SequenceEqual(ids)) problems.Add(name);
        }
        // The JSON form carries the same content.
        var json = JsonNode.Parse(actual.ToJsonString())!.AsObject();
        if (json["id"]!.GetValue<string>() != did || json["verificationMethod"]!.AsArray().Count != expectedMethods.Count) problems.Add("JSON form");
    }

    private static string Absolute(string did, string id) => id.StartsWith('#') ? did + id : id;

    private static byte[] RawPublicKey(JsonElement method)
    {
        if (method.TryGetProperty("publicKeyBase58", out var b58)) return Base58Btc.Decode(b58.GetString()!);
        if (method.TryGetProperty("publicKeyJwk", out var jwk)) return Base64Url.Decode(jwk.GetProperty("x").GetString()!);
        if (method.TryGetProperty("publicKeyMultibase", out var mb)) return Multicodec.Split(Multibase.Decode(mb.GetString()!)).Key;
        throw new InvalidOperationException("no public key in vector method");
    }

    private static byte[] RawPrivateKey(JsonElement pair)
    {
        if (pair.TryGetProperty("privateKeyBase58", out var b58)) return Base58Btc.Decode(b58.GetString()!);
        return Base64Url.Decode(pair.GetProperty("privateKeyJwk").GetProperty("d").GetString()!);
    }

    private static byte[] Clamp(byte[] scalar)
    {
        var s = scalar.ToArray();
        s[0] &= 0xf8;
        s[31] = (byte)((s[31] & 0x7f) | 0x40);
        return s;
    }
}
