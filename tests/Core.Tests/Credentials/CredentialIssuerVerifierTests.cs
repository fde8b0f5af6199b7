using System.Text.Json.Nodes;
using Harmony.Core.Credentials;
using Harmony.Core.Credentials.DataIntegrity;
using Harmony.Core.Did;
using Harmony.Core.Encoding;
using Xunit;

namespace Harmony.Core.Tests.Credentials;

public sealed class CredentialIssuerVerifierTests
{
    private static readonly FakeClock Clock = new(VcFixtures.Now);

    private static JsonObject IssueSample()
    {
        using var issuer = VcFixtures.Issuer();
        return CredentialIssuer.Issue(VcFixtures.Credential(VcFixtures.DidOf(issuer)), issuer, VcFixtures.IssueAt(VcFixtures.Now.AddDays(-1)));
    }

    private static string Code(Action action) => Assert.Throws<CredentialException>(action).Code;

    private static string VerifyCode(JsonObject credential, TimeProvider? clock = null, IRevocationRegistry? registry = null) =>
        Code(() => new CredentialVerifier(clock ?? Clock, registry).Verify(credential));

    /// <summary>Re-signs a modified credential with <paramref name="key"/> and <paramref name="options"/>, bypassing the issuer's checks.</summary>
    private static JsonObject ResignRaw(JsonObject credential, Harmony.Core.Crypto.Ed25519KeyPair key, ProofOptions options)
    {
        var unsecured = (JsonObject)credential.DeepClone();
        unsecured.Remove("proof");
        return EddsaJcs2022.Sign(unsecured, options, key);
    }

    [Fact]
    public void Issued_credential_has_an_assertion_proof_by_the_issuer_did_key_and_verifies()
    {
        using var issuer = VcFixtures.Issuer();
        var did = DidKey.FromEd25519(issuer.PublicKey);
        var input = VcFixtures.Credential(did.Did);
        var before = input.ToJsonString();
        var signed = CredentialIssuer.Issue(input, issuer, VcFixtures.IssueAt(new DateTimeOffset(2025, 5, 31, 10, 20, 30, 456, TimeSpan.Zero)));
        Assert.Equal(before, input.ToJsonString());

        var proof = signed["proof"]!.AsObject();
        Assert.Equal("DataIntegrityProof", (string?)proof["type"]);
        Assert.Equal("eddsa-jcs-2022", (string?)proof["cryptosuite"]);
        Assert.Equal("assertionMethod", (string?)proof["proofPurpose"]);
        Assert.Equal($"{did.Did}#{did.MultibaseKey}", (string?)proof["verificationMethod"]);
        Assert.Equal("2025-05-31T10:20:30Z", (string?)proof["created"]);

        var result = new CredentialVerifier(Clock).Verify(signed);
        Assert.Equal(did.Did, result.Issuer);
        Assert.Equal("urn:uuid:6a1f3c1e-0b7e-4c55-9d0a-7d1e1d2f0001", result.Id);
        Assert.Equal(["VerifiableCredential", "HarmonyMembershipCredential"], result.Types);
        Assert.Equal(["did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT"], result.SubjectIds);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), result.ValidUntil);
    }

    [Fact]
    public void Issuer_object_form_with_id_is_accepted()
    {
        using var issuer = VcFixtures.Issuer();
        var credential = VcFixtures.Credential("placeholder");
        credential["issuer"] = new JsonObject { ["id"] = VcFixtures.DidOf(issuer), ["name"] = "Harmony Example Server" };
        var signed = CredentialIssuer.Issue(credential, issuer);
        Assert.Equal(VcFixtures.DidOf(issuer), new CredentialVerifier(Clock).Verify(signed).Issuer);
    }

    public static TheoryData<string, string?> MissingOrBadFields => new()
    {
        { "@context", null },
        { "@context", "[\"https://www.w3.org/2018/credentials/v1\"]" },
        { "@context", "[\"https://example.org/x\",\"https://www.w3.org/ns/credentials/v2\"]" },
        { "type", null },
        { "type", "[\"AlumniCredential\"]" },
        { "type", "[\"VerifiableCredential\", 3]" },
        { "issuer", null },
        { "issuer", "{\"name\":\"no id\"}" },
        { "issuer", "42" },
        { "credentialSubject", null },
        { "credentialSubject", "[]" },
        { "credentialSubject", "\"did:example:1\"" },
        { "validFrom", "\"2025-01-01\"" },
        { "validUntil", "\"2025-01-01T00:00:00\"" },
        { "validUntil", "\"2024-12-31T00:00:00Z\"" },
        { "id", "17" },
    };

    [Theory]
    [MemberData(nameof(MissingOrBadFields))]
    public void Issue_refuses_a_malformed_credential(string field, string? json)
    {
        using var issuer = VcFixtures.Issuer();
        var credential = VcFixtures.Credential(VcFixtures.DidOf(issuer));
        if (json is null) credential.Remove(field);
        else credential[field] = JsonNode.Parse(json);
        Assert.Equal(CredentialErrorCodes.Malformed, Code(() => CredentialIssuer.Issue(credential, issuer)));
    }

    [Theory]
    [MemberData(nameof(MissingOrBadFields))]
    public void Verify_refuses_a_malformed_credential_even_when_correctly_signed(string field, string? json)
    {
        using var issuer = VcFixtures.Issuer();
        var credential = VcFixtures.Credential(VcFixtures.DidOf(issuer));
        if (json is null) credential.Remove(field);
        else credential[field] = JsonNode.Parse(json);
        var did = DidKey.FromEd25519(issuer.PublicKey);
        var signed = EddsaJcs2022.Sign(credential, new ProofOptions(did.VerificationMethodId, "assertionMethod", VcFixtures.Now), issuer);
        Assert.Equal(CredentialErrorCodes.Malformed, VerifyCode(signed));
    }

    [Fact]
    public void Issue_refuses_an_issuer_that_is_not_the_signer()
    {
        using var issuer = VcFixtures.Issuer();
        using var other = VcFixtures.Other();
        Assert.Equal(CredentialErrorCodes.IssuerMismatch, Code(() => CredentialIssuer.Issue(VcFixtures.Credential(VcFixtures.DidOf(other)), issuer)));
        Assert.Equal(CredentialErrorCodes.IssuerMismatch, Code(() => CredentialIssuer.Issue(VcFixtures.Credential("https://issuer.example"), issuer)));
    }

    [Fact]
    public void Issue_refuses_a_credential_that_already_has_a_proof()
    {
        using var issuer = VcFixtures.Issuer();
        Assert.Equal(CredentialErrorCodes.Malformed, Code(() => CredentialIssuer.Issue(IssueSample(), issuer)));
    }

    [Fact]
    public void Changed_claim_is_signature_invalid()
    {
        var signed = IssueSample();
        signed["credentialSubject"]!["role"] = "admin";
        Assert.Equal(CredentialErrorCodes.SignatureInvalid, VerifyCode(signed));
    }

    [Fact]
    public void Changed_proof_value_or_created_is_signature_invalid()
    {
        var signed = IssueSample();
        var proofValue = (string)signed["proof"]!["proofValue"]!;
        var signature = Multibase.Decode(proofValue);
        signature[10] ^= 1;
        signed["proof"]!["proofValue"] = Multibase.EncodeBase58Btc(signature);
        Assert.Equal(CredentialErrorCodes.SignatureInvalid, VerifyCode(signed));

        signed = IssueSample();
        signed["proof"]!["proofValue"] = "not-multibase";
        Assert.Equal(CredentialErrorCodes.SignatureInvalid, VerifyCode(signed));

        signed = IssueSample();
        signed["proof"]!["created"] = "2025-05-31T12:00:01Z";
        Assert.Equal(CredentialErrorCodes.SignatureInvalid, VerifyCode(signed));
    }

    [Fact]
    public void Verification_method_of_another_did_is_refused_even_if_it_signed()
    {
        // The attacker signs a credential naming our issuer with its own key: valid signature, wrong controller.
        using var issuer = VcFixtures.Issuer();
        using var attacker = VcFixtures.Other();
        var attackerDid = DidKey.FromEd25519(attacker.PublicKey);
        var forged = ResignRaw(VcFixtures.Credential(VcFixtures.DidOf(issuer)), attacker, new ProofOptions(attackerDid.VerificationMethodId, "assertionMethod", VcFixtures.Now));
        Assert.Equal(CredentialErrorCodes.ControllerMismatch, VerifyCode(forged));
    }

    [Theory]
    [InlineData("{did}")] // the DID itself, not a verification method
    [InlineData("{did}#key-1")] // not the did:key's only method
    [InlineData("{did}#")]
    [InlineData("did:web:example.com#{mb}")]
    [InlineData("https://example.com/keys/1")]
    public void Verification_method_must_be_the_issuer_did_key_fragment(string template)
    {
        using var issuer = VcFixtures.Issuer();
        var did = DidKey.FromEd25519(issuer.PublicKey);
        var vm = template.Replace("{did}", did.Did).Replace("{mb}", did.MultibaseKey);
        var signed = ResignRaw(VcFixtures.Credential(did.Did), issuer, new ProofOptions(vm, "assertionMethod", VcFixtures.Now));
        Assert.Equal(CredentialErrorCodes.ControllerMismatch, VerifyCode(signed));
    }

    [Fact]
    public void Issuer_that_is_not_a_did_key_cannot_be_resolved_offline()
    {
        using var issuer = VcFixtures.Issuer();
        var did = DidKey.FromEd25519(issuer.PublicKey);
        var signed = ResignRaw(VcFixtures.Credential("https://issuer.example"), issuer, new ProofOptions(did.VerificationMethodId, "assertionMethod", VcFixtures.Now));
        Assert.Equal(CredentialErrorCodes.ControllerMismatch, VerifyCode(signed));
    }

    [Theory]
    [InlineData("authentication")]
    [InlineData("capabilityInvocation")]
    [InlineData(null)]
    public void Wrong_proof_purpose_is_refused(string? purpose)
    {
        using var issuer = VcFixtures.Issuer();
        var did = DidKey.FromEd25519(issuer.PublicKey);
        JsonObject signed;
        if (purpose is null)
        {
            signed = IssueSample();
            signed["proof"]!.AsObject().Remove("proofPurpose");
        }
        else
        {
            signed = ResignRaw(VcFixtures.Credential(did.Did), issuer, new ProofOptions(did.VerificationMethodId, purpose, VcFixtures.Now));
        }
        Assert.Equal(CredentialErrorCodes.ProofPurpose, VerifyCode(signed));
    }

    [Theory]
    [InlineData("type", "Ed25519Signature2020")]
    [InlineData("cryptosuite", "eddsa-rdfc-2022")]
    public void Other_proof_types_and_suites_are_unsupported(string member, string value)
    {
        var signed = IssueSample();
        signed["proof"]![member] = value;
        Assert.Equal(CredentialErrorCodes.UnsupportedProof, VerifyCode(signed));
    }

    [Fact]
    public void Proof_sets_and_missing_proofs_are_refused()
    {
        var signed = IssueSample();
        signed["proof"] = new JsonArray(signed["proof"]!.DeepClone());
        Assert.Equal(CredentialErrorCodes.UnsupportedProof, VerifyCode(signed));
        signed.Remove("proof");
        Assert.Equal(CredentialErrorCodes.Malformed, VerifyCode(signed));
        signed["proof"] = "z123";
        Assert.Equal(CredentialErrorCodes.Malformed, VerifyCode(signed));
    }

    [Fact]
    public void Validity_period_follows_the_clock()
    {
        var signed = IssueSample(); // valid 2025-01-01T00:00:00Z .. 2026-01-01T00:00:00Z
        var verifier = (DateTimeOffset at) => new CredentialVerifier(new FakeClock(at));
        var from = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var until = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(CredentialErrorCodes.NotYetValid, Code(() => verifier(from.AddSeconds(-1)).Verify(signed)));
        verifier(from).Verify(signed);
        verifier(until).Verify(signed);
        Assert.Equal(CredentialErrorCodes.Expired, Code(() => verifier(until.AddSeconds(1)).Verify(signed)));

        var lenient = new VerifierOptions { ClockSkew = TimeSpan.FromMinutes(5) };
        new CredentialVerifier(new FakeClock(until.AddMinutes(4)), options: lenient).Verify(signed);
        new CredentialVerifier(new FakeClock(from.AddMinutes(-4)), options: lenient).Verify(signed);
        Assert.Equal(CredentialErrorCodes.Expired, Code(() => new CredentialVerifier(new FakeClock(until.AddMinutes(6)), options: lenient).Verify(signed)));
    }

    [Fact]
    public void Proof_expiry_is_enforced()
    {
        using var issuer = VcFixtures.Issuer();
        var signed = CredentialIssuer.Issue(VcFixtures.Credential(VcFixtures.DidOf(issuer)), issuer,
            new IssueOptions { Created = VcFixtures.Now, ProofExpires = VcFixtures.Now.AddHours(1) });
        new CredentialVerifier(new FakeClock(VcFixtures.Now.AddMinutes(59))).Verify(signed);
        Assert.Equal(CredentialErrorCodes.ProofExpired, VerifyCode(signed, new FakeClock(VcFixtures.Now.AddMinutes(61))));
    }

    [Fact]
    public void Limits_are_enforced_before_any_cryptography()
    {
        using var issuer = VcFixtures.Issuer();
        var credential = VcFixtures.Credential(VcFixtures.DidOf(issuer));
        JsonNode deep = new JsonObject();
        for (var i = 0; i < 40; i++) deep = new JsonObject { ["n"] = deep };
        credential["credentialSubject"]!["nested"] = deep;
        Assert.Equal(CredentialErrorCodes.TooLarge, Code(() => CredentialIssuer.Issue(credential, issuer)));

        var big = VcFixtures.Credential(VcFixtures.DidOf(issuer));
        big["credentialSubject"]!["blob"] = new string('a', 2000);
        var small = new CredentialLimits { MaxDocumentBytes = 1000 };
        Assert.Equal(CredentialErrorCodes.TooLarge, Code(() => CredentialIssuer.Issue(big, issuer, new IssueOptions { Limits = small })));
        var signed = CredentialIssuer.Issue(big, issuer);
        Assert.Equal(CredentialErrorCodes.TooLarge, Code(() => new CredentialVerifier(Clock, options: new VerifierOptions { Limits = small }).Verify(signed)));
    }

    [Theory]
    [InlineData("{", CredentialErrorCodes.Json)]
    [InlineData("{\"a\":1,\"a\":2}", CredentialErrorCodes.Json)]
    [InlineData("[1,2]", CredentialErrorCodes.Malformed)]
    [InlineData("\"text\"", CredentialErrorCodes.Malformed)]
    public void Text_that_is_not_a_json_object_is_refused(string text, string code)
    {
        Assert.Equal(code, Code(() => new CredentialVerifier(Clock).Verify(text)));
    }

    [Fact]
    public void Verified_text_round_trips()
    {
        var signed = IssueSample();
        var result = new CredentialVerifier(Clock).Verify(signed.ToJsonString());
        Assert.True(JsonNode.DeepEquals(signed, result.Credential));
    }

    [Fact]
    public void Messages_never_contain_the_seed()
    {
        using var issuer = VcFixtures.Issuer();
        var error = Assert.Throws<CredentialException>(() => CredentialIssuer.Issue(VcFixtures.Credential("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"), issuer));
        Assert.DoesNotContain(VcFixtures.IssuerSeedHex, error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(VcFixtures.IssuerSeedHex, issuer.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
