using System.Text.Json.Nodes;
using Harmony.Core.Credentials;
using Harmony.Core.Credentials.DataIntegrity;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Xunit;

namespace Harmony.Core.Tests.Credentials;

public sealed class PresentationTests
{
    private const string Challenge = "8b3f0d4e-challenge";
    private const string Domain = "harmony.example";
    private static readonly FakeClock Clock = new(VcFixtures.Now);

    private static PresentationVerifier Verifier(IRevocationRegistry? registry = null, TimeProvider? clock = null) =>
        new(new CredentialVerifier(clock ?? Clock, registry), clock ?? Clock);

    private static JsonObject Credential(string id = "urn:uuid:6a1f3c1e-0b7e-4c55-9d0a-7d1e1d2f0001")
    {
        using var issuer = VcFixtures.Issuer();
        return CredentialIssuer.Issue(VcFixtures.Credential(VcFixtures.DidOf(issuer), id), issuer, VcFixtures.IssueAt(VcFixtures.Now.AddDays(-1)));
    }

    private static JsonObject Present(params JsonObject[] credentials)
    {
        using var holder = VcFixtures.Holder();
        return PresentationBuilder.Present(credentials, holder, Challenge, Domain, new PresentOptions { Created = VcFixtures.Now, Id = "urn:uuid:vp-1" });
    }

    private static string Code(Action action) => Assert.Throws<CredentialException>(action).Code;

    private static JsonObject Resign(JsonObject presentation, Ed25519KeyPair key, Func<ProofOptions, ProofOptions> change)
    {
        var unsecured = (JsonObject)presentation.DeepClone();
        unsecured.Remove("proof");
        var did = DidKey.FromEd25519(key.PublicKey);
        var options = change(new ProofOptions(did.VerificationMethodId, "authentication", VcFixtures.Now) { Challenge = Challenge, Domain = Domain });
        return EddsaJcs2022.Sign(unsecured, options, key);
    }

    [Fact]
    public void Presentation_carries_holder_challenge_domain_and_verifies()
    {
        var vp = Present(Credential(), Credential("urn:uuid:second"));
        using var holder = VcFixtures.Holder();
        var proof = vp["proof"]!.AsObject();
        Assert.Equal("authentication", (string?)proof["proofPurpose"]);
        Assert.Equal(Challenge, (string?)proof["challenge"]);
        Assert.Equal(Domain, (string?)proof["domain"]);
        Assert.Equal(VcFixtures.DidOf(holder), (string?)vp["holder"]);
        Assert.Equal("VerifiablePresentation", (string?)vp["type"]![0]);

        var result = Verifier().Verify(vp, Challenge, Domain);
        Assert.Equal(VcFixtures.DidOf(holder), result.Holder);
        Assert.Equal("urn:uuid:vp-1", result.Id);
        Assert.Equal(["urn:uuid:6a1f3c1e-0b7e-4c55-9d0a-7d1e1d2f0001", "urn:uuid:second"], result.Credentials.Select(c => c.Id));
    }

    [Fact]
    public void Challenge_and_domain_must_match()
    {
        var vp = Present(Credential());
        Assert.Equal(CredentialErrorCodes.ChallengeMismatch, Code(() => Verifier().Verify(vp, "other-challenge", Domain)));
        Assert.Equal(CredentialErrorCodes.DomainMismatch, Code(() => Verifier().Verify(vp, Challenge, "evil.example")));
    }

    [Fact]
    public void Missing_challenge_or_domain_is_refused_even_when_signed()
    {
        using var holder = VcFixtures.Holder();
        var vp = Present(Credential());
        var noChallenge = Resign(vp, holder, o => o with { Challenge = null });
        var noDomain = Resign(vp, holder, o => o with { Domain = null });
        Assert.Equal(CredentialErrorCodes.ChallengeMismatch, Code(() => Verifier().Verify(noChallenge, Challenge, Domain)));
        Assert.Equal(CredentialErrorCodes.DomainMismatch, Code(() => Verifier().Verify(noDomain, Challenge, Domain)));
        Assert.Throws<ArgumentException>(() => PresentationBuilder.Present([Credential()], holder, "", Domain));
        Assert.Throws<ArgumentException>(() => PresentationBuilder.Present([Credential()], holder, Challenge, ""));
    }

    [Fact]
    public void Edited_challenge_breaks_the_holder_signature()
    {
        var vp = Present(Credential());
        vp["proof"]!["challenge"] = "replayed-challenge";
        Assert.Equal(CredentialErrorCodes.PresentationSignatureInvalid, Code(() => Verifier().Verify(vp, "replayed-challenge", Domain)));
    }

    [Fact]
    public void Holder_signature_covers_the_embedded_credentials()
    {
        var vp = Present(Credential());
        vp["verifiableCredential"]!.AsArray().Add(Credential("urn:uuid:smuggled"));
        Assert.Equal(CredentialErrorCodes.PresentationSignatureInvalid, Code(() => Verifier().Verify(vp, Challenge, Domain)));
    }

    [Fact]
    public void Assertion_purpose_and_foreign_keys_are_refused()
    {
        using var holder = VcFixtures.Holder();
        using var other = VcFixtures.Other();
        var vp = Present(Credential());
        Assert.Equal(CredentialErrorCodes.PresentationProofPurpose,
            Code(() => Verifier().Verify(Resign(vp, holder, o => o with { ProofPurpose = "assertionMethod" }), Challenge, Domain)));
        Assert.Equal(CredentialErrorCodes.PresentationControllerMismatch,
            Code(() => Verifier().Verify(Resign(vp, other, o => o), Challenge, Domain)));
    }

    [Fact]
    public void Embedded_credential_failures_propagate_with_their_own_codes()
    {
        var tampered = Credential();
        tampered["credentialSubject"]!["role"] = "admin";
        var vp = Present(tampered);
        var error = Assert.Throws<CredentialException>(() => Verifier().Verify(vp, Challenge, Domain));
        Assert.Equal(CredentialErrorCodes.SignatureInvalid, error.Code);
        Assert.StartsWith("verifiableCredential[0]", error.Message, StringComparison.Ordinal);

        var later = new FakeClock(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(CredentialErrorCodes.Expired, Code(() => Verifier(clock: later).Verify(Present(Credential()), Challenge, Domain)));
    }

    [Fact]
    public void Revoked_embedded_credential_fails_the_presentation()
    {
        using var issuer = VcFixtures.Issuer();
        var credential = Credential();
        var registry = new InMemoryRevocationRegistry(Clock);
        registry.Submit(CredentialRevocation.Revoke(credential, issuer, new IssueOptions { Created = VcFixtures.Now }));
        Assert.Equal(CredentialErrorCodes.Revoked, Code(() => Verifier(registry).Verify(Present(credential), Challenge, Domain)));
    }

    [Fact]
    public void Malformed_presentations_are_refused()
    {
        var vp = Present(Credential());
        var noType = (JsonObject)vp.DeepClone();
        noType["type"] = new JsonArray("VerifiableCredential");
        Assert.Equal(CredentialErrorCodes.PresentationMalformed, Code(() => Verifier().Verify(noType, Challenge, Domain)));
        var noHolder = (JsonObject)vp.DeepClone();
        noHolder.Remove("holder");
        Assert.Equal(CredentialErrorCodes.PresentationMalformed, Code(() => Verifier().Verify(noHolder, Challenge, Domain)));
        var badList = (JsonObject)vp.DeepClone();
        badList["verifiableCredential"] = "x";
        Assert.Equal(CredentialErrorCodes.PresentationMalformed, Code(() => Verifier().Verify(badList, Challenge, Domain)));
    }

    [Fact]
    public void Credential_count_is_limited()
    {
        using var holder = VcFixtures.Holder();
        var limits = new CredentialLimits { MaxCredentialsPerPresentation = 2 };
        var three = new[] { Credential("urn:a"), Credential("urn:b"), Credential("urn:c") };
        Assert.Equal(CredentialErrorCodes.TooLarge, Code(() => PresentationBuilder.Present(three, holder, Challenge, Domain, new PresentOptions { Limits = limits })));
        var vp = PresentationBuilder.Present(three, holder, Challenge, Domain, new PresentOptions { Created = VcFixtures.Now });
        var strict = new PresentationVerifier(new CredentialVerifier(Clock, options: new VerifierOptions { Limits = limits }), Clock);
        Assert.Equal(CredentialErrorCodes.TooLarge, Code(() => strict.Verify(vp, Challenge, Domain)));
    }
}
