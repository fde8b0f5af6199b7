using System.Text.Json.Nodes;
using Harmony.Core.Credentials;
using Harmony.Core.Credentials.DataIntegrity;
using Harmony.Core.Tests.Interop;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Credentials;

/// <summary>
/// Interop with Digital Bazaar's @digitalbazaar/vc 7.3.0 and @digitalbazaar/eddsa-jcs-2022-cryptosuite 1.0.0 (harness
/// tests/Interop/vc, contexts served offline from tests/vectors/jsonld-contexts, did:key resolved by
/// @digitalbazaar/did-method-key).
/// </summary>
public sealed class VcInteropTests(ITestOutputHelper output)
{
    private const string Harness = "vc";
    private const string Script = "vc.mjs";
    private static readonly string NowText = EddsaJcs2022.FormatDate(VcFixtures.Now);
    private static readonly DateTimeOffset Created = VcFixtures.Now.AddDays(-1);

    private static async Task<JsonObject> Node(string command, JsonObject input) =>
        JsonNode.Parse(await NodeRunner.RunAsync(Harness, Script, input.ToJsonString(), command))!.AsObject();

    private async Task<(bool Verified, string Errors)> DbVerify(JsonObject credential)
    {
        var result = await Node("verify", new JsonObject { ["credential"] = credential.DeepClone(), ["now"] = NowText });
        var errors = result["errors"]!.ToJsonString();
        output.WriteLine($"Digital Bazaar: verified={result["verified"]} errors={errors}");
        return ((bool)result["verified"]!, errors);
    }

    private static JsonObject HarmonyIssue()
    {
        using var issuer = VcFixtures.Issuer();
        return CredentialIssuer.Issue(VcFixtures.Credential(VcFixtures.DidOf(issuer)), issuer, VcFixtures.IssueAt(Created));
    }

    [Fact]
    public async Task Harmony_issues_and_digital_bazaar_verifies()
    {
        var (verified, errors) = await DbVerify(HarmonyIssue());
        Assert.True(verified, errors);
    }

    [Fact]
    public async Task Digital_bazaar_issues_and_harmony_verifies()
    {
        using var issuer = VcFixtures.Issuer();
        var dbSigned = await Node("issue", new JsonObject
        {
            ["seedHex"] = VcFixtures.IssuerSeedHex,
            ["credential"] = VcFixtures.Credential(VcFixtures.DidOf(issuer)),
            ["created"] = EddsaJcs2022.FormatDate(Created),
        });
        output.WriteLine(dbSigned.ToJsonString());

        var result = new CredentialVerifier(new FakeClock(VcFixtures.Now)).Verify(dbSigned);
        Assert.Equal(VcFixtures.DidOf(issuer), result.Issuer);
        Assert.Equal(Created, result.ProofCreated);

        // Same key, same input, same created, deterministic Ed25519: both stacks must produce the same document.
        Assert.Equal(Jcs.Canonicalize(dbSigned), Jcs.Canonicalize(HarmonyIssue()));
    }

    [Fact]
    public async Task Digital_bazaar_rejects_a_tampered_harmony_credential()
    {
        var tampered = HarmonyIssue();
        tampered["credentialSubject"]!["role"] = "admin";
        var (verified, errors) = await DbVerify(tampered);
        Assert.False(verified);
        Assert.Contains("Invalid signature", errors, StringComparison.Ordinal);

        var wrongKey = HarmonyIssue();
        using var other = VcFixtures.Other();
        var forged = EddsaJcs2022.Sign(Unsecured(wrongKey), new ProofOptions(Harmony.Core.Did.DidKey.FromEd25519(other.PublicKey).VerificationMethodId, "assertionMethod", Created), other);
        (verified, errors) = await DbVerify(forged);
        Assert.False(verified, "Digital Bazaar must refuse a verification method the issuer does not control");
    }

    [Fact]
    public async Task Digital_bazaar_tampering_is_rejected_by_harmony()
    {
        using var issuer = VcFixtures.Issuer();
        var dbSigned = await Node("issue", new JsonObject
        {
            ["seedHex"] = VcFixtures.IssuerSeedHex,
            ["credential"] = VcFixtures.Credential(VcFixtures.DidOf(issuer)),
            ["created"] = EddsaJcs2022.FormatDate(Created),
        });
        dbSigned["validUntil"] = "2030-01-01T00:00:00Z";
        var error = Assert.Throws<CredentialException>(() => new CredentialVerifier(new FakeClock(VcFixtures.Now)).Verify(dbSigned));
        Assert.Equal(CredentialErrorCodes.SignatureInvalid, error.Code);
    }

    [Fact]
    public async Task Harmony_presents_and_digital_bazaar_verifies_challenge_and_domain()
    {
        using var holder = VcFixtures.Holder();
        var presentation = PresentationBuilder.Present([HarmonyIssue()], holder, "challenge-123", "harmony.example",
            new PresentOptions { Created = VcFixtures.Now });
        var ok = await Node("verify-presentation", new JsonObject
        {
            ["presentation"] = presentation.DeepClone(), ["challenge"] = "challenge-123", ["domain"] = "harmony.example", ["now"] = NowText,
        });
        Assert.True((bool)ok["verified"]!, ok["errors"]!.ToJsonString());

        var wrong = await Node("verify-presentation", new JsonObject
        {
            ["presentation"] = presentation.DeepClone(), ["challenge"] = "challenge-456", ["domain"] = "harmony.example", ["now"] = NowText,
        });
        Assert.False((bool)wrong["verified"]!);
    }

    [Fact]
    public async Task Digital_bazaar_presents_and_harmony_verifies()
    {
        var presentation = await Node("present", new JsonObject
        {
            ["seedHex"] = VcFixtures.HolderSeedHex,
            ["credentials"] = new JsonArray(HarmonyIssue()),
            ["challenge"] = "challenge-789",
            ["domain"] = "harmony.example",
            ["created"] = NowText,
            ["now"] = NowText,
        });
        var clock = new FakeClock(VcFixtures.Now);
        var verifier = new PresentationVerifier(new CredentialVerifier(clock), clock);
        using var holder = VcFixtures.Holder();
        var result = verifier.Verify(presentation, "challenge-789", "harmony.example");
        Assert.Equal(VcFixtures.DidOf(holder), result.Holder);
        Assert.Single(result.Credentials);
        Assert.Equal(CredentialErrorCodes.ChallengeMismatch,
            Assert.Throws<CredentialException>(() => verifier.Verify(presentation, "challenge-000", "harmony.example")).Code);
    }

    /// <summary>Claims that stress canonicalisation: non-ASCII and astral characters, escapes, member order, ES6 numbers.</summary>
    private const string TrickySubject = """
        {
          "id": "did:example:\u00e9l\u00e8ve",
          "name": "Z\u00fcrich \ud83d\ude00 \u20ac \u0000\u001f \"quoted\" back\\slash \u2028 </script>",
          "numbers": [0, -0, 1, -1, 0.1, 1e21, 1e-7, 123456789012345678901234567890, 4.35, 1.7976931348623157e308, 5e-324],
          "nested": { "\u00e9": 1, "e": 2, "\ud83d\ude00": 3, "\u20ac": 4, "a": [true, false, null, {}, []] },
          "\u0001ctl": "x"
        }
        """;

    [Fact]
    public async Task Tricky_claims_canonicalise_identically_in_both_stacks()
    {
        using var issuer = VcFixtures.Issuer();
        var credential = VcFixtures.Credential(VcFixtures.DidOf(issuer));
        credential["credentialSubject"] = JsonNode.Parse(TrickySubject);

        var ours = CredentialIssuer.Issue(credential, issuer, VcFixtures.IssueAt(Created));
        var (verified, errors) = await DbVerify(ours);
        Assert.True(verified, errors);

        var theirs = await Node("issue", new JsonObject
        {
            ["seedHex"] = VcFixtures.IssuerSeedHex,
            ["credential"] = credential.DeepClone(),
            ["created"] = EddsaJcs2022.FormatDate(Created),
        });
        new CredentialVerifier(new FakeClock(VcFixtures.Now)).Verify(theirs);
        Assert.Equal((string?)theirs["proof"]!["proofValue"], (string?)ours["proof"]!["proofValue"]);
    }

    private static JsonObject Unsecured(JsonObject signed)
    {
        var copy = (JsonObject)signed.DeepClone();
        copy.Remove("proof");
        return copy;
    }
}
