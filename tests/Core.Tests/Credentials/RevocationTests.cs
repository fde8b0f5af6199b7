using System.Text.Json.Nodes;
using Harmony.Core.Credentials;
using Xunit;

namespace Harmony.Core.Tests.Credentials;

public sealed class RevocationTests
{
    private static readonly FakeClock Clock = new(VcFixtures.Now);

    private static JsonObject Credential()
    {
        using var issuer = VcFixtures.Issuer();
        return CredentialIssuer.Issue(VcFixtures.Credential(VcFixtures.DidOf(issuer)), issuer, VcFixtures.IssueAt(VcFixtures.Now.AddDays(-1)));
    }

    private static string Code(Action action) => Assert.Throws<CredentialException>(action).Code;

    [Fact]
    public void Issuer_can_revoke_and_the_verifier_then_refuses()
    {
        using var issuer = VcFixtures.Issuer();
        var credential = Credential();
        var registry = new InMemoryRevocationRegistry(Clock);
        var verifier = new CredentialVerifier(Clock, registry);
        verifier.Verify(credential);

        var revocation = CredentialRevocation.Revoke(credential, issuer, new IssueOptions { Created = VcFixtures.Now });
        var entry = registry.Submit(revocation);
        Assert.Equal(VcFixtures.DidOf(issuer), entry.Issuer);
        Assert.Equal((string?)credential["id"], entry.CredentialId);
        Assert.Equal(VcFixtures.Now, entry.Revoked);

        Assert.Equal(CredentialErrorCodes.Revoked, Code(() => verifier.Verify(credential)));
        // Another verifier without the registry still accepts it: revocation is the registry's knowledge.
        new CredentialVerifier(Clock).Verify(credential);
    }

    [Fact]
    public void Third_party_cannot_revoke()
    {
        using var issuer = VcFixtures.Issuer();
        using var attacker = VcFixtures.Other();
        var credential = Credential();
        var registry = new InMemoryRevocationRegistry(Clock);
        var verifier = new CredentialVerifier(Clock, registry);

        // The convenience API refuses outright.
        Assert.Equal(CredentialErrorCodes.RevocationUnauthorized, Code(() => CredentialRevocation.Revoke(credential, attacker)));

        // A hand-made revocation in the issuer's name but signed by the attacker is refused by the registry.
        var forged = CredentialRevocation.Create((string)credential["id"]!, VcFixtures.DidOf(issuer), attacker);
        Assert.Equal(CredentialErrorCodes.RevocationUnauthorized, Code(() => registry.Submit(forged)));
        Assert.Equal(0, registry.Count);

        // A revocation in the attacker's own name is the attacker's business only: our credential is unaffected.
        registry.Submit(CredentialRevocation.Create((string)credential["id"]!, VcFixtures.DidOf(attacker), attacker));
        Assert.True(registry.IsRevoked(VcFixtures.DidOf(attacker), (string)credential["id"]!));
        verifier.Verify(credential);
    }

    [Fact]
    public void Edited_revocation_is_refused()
    {
        using var issuer = VcFixtures.Issuer();
        var registry = new InMemoryRevocationRegistry(Clock);
        var revocation = CredentialRevocation.Revoke(Credential(), issuer);
        revocation["credentialId"] = "urn:uuid:some-other-credential";
        Assert.Equal(CredentialErrorCodes.RevocationSignatureInvalid, Code(() => registry.Submit(revocation)));
        Assert.Equal(0, registry.Count);
    }

    [Theory]
    [InlineData("type")]
    [InlineData("issuer")]
    [InlineData("credentialId")]
    [InlineData("revoked")]
    [InlineData("proof")]
    public void Revocation_missing_a_member_is_malformed(string member)
    {
        using var issuer = VcFixtures.Issuer();
        var revocation = CredentialRevocation.Revoke(Credential(), issuer);
        revocation.Remove(member);
        Assert.Equal(CredentialErrorCodes.RevocationMalformed, Code(() => CredentialRevocation.Verify(revocation, Clock)));
    }

    [Fact]
    public void Credential_without_id_cannot_be_revoked()
    {
        using var issuer = VcFixtures.Issuer();
        var unsigned = VcFixtures.Credential(VcFixtures.DidOf(issuer));
        unsigned.Remove("id");
        var credential = CredentialIssuer.Issue(unsigned, issuer);
        Assert.Equal(CredentialErrorCodes.RevocationMalformed, Code(() => CredentialRevocation.Revoke(credential, issuer)));
    }

    [Fact]
    public void Registry_capacity_is_bounded_and_resubmission_is_idempotent()
    {
        using var issuer = VcFixtures.Issuer();
        var registry = new InMemoryRevocationRegistry(Clock, maxEntries: 1);
        var first = CredentialRevocation.Create("urn:one", VcFixtures.DidOf(issuer), issuer);
        registry.Submit(first);
        registry.Submit(first);
        Assert.Equal(1, registry.Count);
        Assert.Equal(CredentialErrorCodes.RevocationCapacity,
            Code(() => registry.Submit(CredentialRevocation.Create("urn:two", VcFixtures.DidOf(issuer), issuer))));
        Assert.False(registry.IsRevoked(VcFixtures.DidOf(issuer), "urn:two"));
    }
}
