using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Harmony.Core.Credentials;
using Harmony.Core.Credentials.DataIntegrity;
using Harmony.Core.Crypto;
using Harmony.Core.Encoding;
using Xunit;

namespace Harmony.Core.Tests.Credentials;

/// <summary>The eddsa-jcs-2022 vectors of w3c/vc-di-eddsa, every intermediate value byte for byte.</summary>
public sealed class EddsaJcs2022Tests
{
    private static string Vector(string name) => Vectors.Text("vc-di-eddsa", "TestVectors", "eddsa-jcs-2022", name).Trim();

    private static Ed25519KeyPair VectorKey()
    {
        using var doc = Vectors.Json("vc-di-eddsa", "TestVectors", "keyPair.json");
        var privateMultibase = doc.RootElement.GetProperty("privateKeyMultibase").GetString()!;
        var (code, seed) = Multicodec.Split(Multibase.Decode(privateMultibase));
        Assert.Equal(0x1300, code); // ed25519-priv
        var key = Ed25519KeyPair.FromSeed(seed);
        var (pubCode, pub) = Multicodec.Split(Multibase.Decode(doc.RootElement.GetProperty("publicKeyMultibase").GetString()!));
        Assert.Equal(Multicodec.Ed25519Public, pubCode);
        Assert.Equal(pub, key.PublicKey);
        return key;
    }

    private static JsonObject Unsigned() => JsonNode.Parse(Vectors.Text("vc-di-eddsa", "TestVectors", "unsigned.json"))!.AsObject();

    private static ProofOptions VectorOptions()
    {
        var config = JsonNode.Parse(Vector("proofConfigJCS.json"))!.AsObject();
        return new ProofOptions(
            (string)config["verificationMethod"]!,
            (string)config["proofPurpose"]!,
            DateTimeOffset.Parse((string)config["created"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Canonical_document_and_hashes_match()
    {
        var canon = Jcs.Canonicalize(Unsigned());
        Assert.Equal(Vector("canonDocJCS.txt"), canon);
        Assert.Equal(Vector("docHashJCS.txt"), Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canon))));
        var proofCanon = Jcs.Canonicalize(JsonNode.Parse(Vector("proofConfigJCS.json")));
        Assert.Equal(Vector("proofCanonJCS.txt"), proofCanon);
        Assert.Equal(Vector("proofHashJCS.txt"), Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(proofCanon))));
    }

    [Fact]
    public void Signed_credential_reproduces_byte_for_byte()
    {
        using var key = VectorKey();
        var signed = EddsaJcs2022.Sign(Unsigned(), VectorOptions(), key);
        var proof = signed["proof"]!.AsObject();
        var signature = Multibase.Decode((string)proof["proofValue"]!);
        Assert.Equal(Vector("sigHexJCS.txt"), Convert.ToHexStringLower(signature));
        Assert.Equal(Vector("sigBTC58JCS.txt"), (string)proof["proofValue"]!);
        var expected = JsonNode.Parse(Vector("signedJCS.json"));
        Assert.True(JsonNode.DeepEquals(expected, signed), signed.ToJsonString());
        Assert.Equal(Jcs.Canonicalize(expected), Jcs.Canonicalize(signed));
    }

    [Fact]
    public void Vector_proof_verifies_and_any_change_breaks_it()
    {
        using var key = VectorKey();
        var signed = JsonNode.Parse(Vector("signedJCS.json"))!.AsObject();
        var proof = signed["proof"]!.AsObject();
        var unsecured = (JsonObject)signed.DeepClone();
        unsecured.Remove("proof");
        Assert.True(EddsaJcs2022.VerifyProof(unsecured, proof, key.PublicKey));

        var tampered = (JsonObject)unsecured.DeepClone();
        tampered["name"] = "Alumni Credentia1";
        Assert.False(EddsaJcs2022.VerifyProof(tampered, proof, key.PublicKey));

        var tamperedProof = (JsonObject)proof.DeepClone();
        tamperedProof["created"] = "2023-02-24T23:36:39Z";
        Assert.False(EddsaJcs2022.VerifyProof(unsecured, tamperedProof, key.PublicKey));

        var wrongSuite = (JsonObject)proof.DeepClone();
        wrongSuite["cryptosuite"] = "eddsa-rdfc-2022";
        Assert.Equal("proof.cryptosuite", Assert.Throws<DataIntegrityException>(() => EddsaJcs2022.VerifyProof(unsecured, wrongSuite, key.PublicKey)).Code);

        var otherContext = (JsonObject)proof.DeepClone();
        otherContext["@context"] = new JsonArray("https://example.org/other");
        Assert.Equal("proof.context", Assert.Throws<DataIntegrityException>(() => EddsaJcs2022.VerifyProof(unsecured, otherContext, key.PublicKey)).Code);
    }
}
