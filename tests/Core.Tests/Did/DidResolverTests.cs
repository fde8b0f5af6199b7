using System.Text.Json.Nodes;
using Harmony.Core.Did;
using Xunit;

namespace Harmony.Core.Tests.Did;

public sealed class DidResolverTests
{
    private const string Seed0Did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
    private const string Seed0Agreement = "z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW";

    [Fact]
    public void Ed25519_document_json_has_the_multikey_shape()
    {
        var json = JsonNode.Parse(DidResolver.Resolve(Seed0Did).ToJsonString())!.AsObject();
        Assert.Equal(["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"], json["@context"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(Seed0Did, json["id"]!.GetValue<string>());
        var methods = json["verificationMethod"]!.AsArray();
        Assert.Equal(2, methods.Count);
        Assert.Equal(Seed0Did + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", methods[0]!["id"]!.GetValue<string>());
        Assert.Equal("Multikey", methods[0]!["type"]!.GetValue<string>());
        Assert.Equal(Seed0Did, methods[0]!["controller"]!.GetValue<string>());
        Assert.Equal("z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", methods[0]!["publicKeyMultibase"]!.GetValue<string>());
        Assert.Equal(Seed0Did + "#" + Seed0Agreement, methods[1]!["id"]!.GetValue<string>());
        Assert.Equal(Seed0Agreement, methods[1]!["publicKeyMultibase"]!.GetValue<string>());
        foreach (var rel in new[] { "authentication", "assertionMethod", "capabilityInvocation", "capabilityDelegation" })
            Assert.Equal([methods[0]!["id"]!.GetValue<string>()], json[rel]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal([Seed0Did + "#" + Seed0Agreement], json["keyAgreement"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void X25519_document_has_key_agreement_only()
    {
        var did = "did:key:z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F";
        var json = JsonNode.Parse(DidResolver.Resolve(did).ToJsonString())!.AsObject();
        Assert.Single(json["verificationMethod"]!.AsArray());
        Assert.Null(json["authentication"]);
        Assert.Null(json["assertionMethod"]);
        Assert.Equal(did + "#z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F", json["keyAgreement"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", "did.malformed")]
    [InlineData("key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "did.malformed")] // no did: prefix
    [InlineData("did:kee:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "did.unsupported_method")] // bad method
    [InlineData("did:web:example.com", "did.unsupported_method")] // not did:key
    [InlineData("did:key:6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "did.malformed")] // no multibase z
    [InlineData("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooW0", "did.malformed")] // '0' is not base58
    [InlineData("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme", "did.unsupported_key")] // secp256k1 codec
    [InlineData("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "did.malformed")] // DID URL
    public void Malformed_dids_give_clear_codes(string did, string code)
    {
        var e = Assert.Throws<DidException>(() => DidResolver.Resolve(did));
        Assert.Equal(code, e.Code);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Theory]
    [InlineData(0xed, 31, "did.malformed")] // Ed25519 codec, short key
    [InlineData(0xed, 33, "did.malformed")] // Ed25519 codec, long key
    [InlineData(0xec, 16, "did.malformed")] // X25519 codec, short key
    [InlineData(0x1200, 32, "did.unsupported_key")] // P-256 codec
    [InlineData(0xe7, 33, "did.unsupported_key")] // secp256k1 codec
    public void Wrong_length_or_codec_is_refused(int codec, int length, string code)
    {
        var key = new byte[length];
        key[0] = 9;
        var did = "did:key:" + Harmony.Core.Encoding.Multibase.EncodeBase58Btc(Harmony.Core.Encoding.Multicodec.Prefix(codec, key));
        Assert.Equal(code, Assert.Throws<DidException>(() => DidResolver.Resolve(did)).Code);
    }

    [Fact]
    public void Overlong_input_is_refused_before_decoding()
    {
        var e = Assert.Throws<DidException>(() => DidResolver.Resolve("did:key:z" + new string('a', 10_000)));
        Assert.Equal("did.malformed", e.Code);
        Assert.Contains("128", e.Message);
    }

    [Fact]
    public void Small_order_ed25519_key_is_an_invalid_key()
    {
        var identity = new byte[32];
        identity[0] = 1;
        var did = DidKey.FromEd25519(identity).Did;
        Assert.Equal("did.invalid_key", Assert.Throws<DidException>(() => DidResolver.Resolve(did)).Code);
        Assert.False(DidKey.Parse(did).Verify("m"u8, new byte[64]));
        Assert.Equal("did.invalid_key", Assert.Throws<DidException>(() => DidDocument.FromDidKey(DidKey.FromEd25519(identity))).Code);
    }
}
