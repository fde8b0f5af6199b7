using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Xunit;
using static Harmony.Core.Tests.Capabilities.ZcapFixture;

namespace Harmony.Core.Tests.Capabilities;

public sealed class CapabilityIssuerTests
{
    private static JsonObject Example(string file) => JsonNode.Parse(Vectors.Text("zcap", "spec-examples", file))!.AsObject();

    [Fact]
    public void Root_capability_is_the_spec_example()
    {
        var expected = Example("example-05.json");
        Assert.True(JsonNode.DeepEquals(expected, CapabilityIssuer.CreateRoot("https://example.com/foo", "did:key:example")));
    }

    [Fact]
    public void Delegation_has_the_spec_members_and_a_root_chain()
    {
        using var f = new ZcapFixture();
        var root = f.Root();
        var d1 = CapabilityIssuer.Delegate(root, new DelegationRequest(DidOf(f.Alice), Community, ["read", "write"], T0.AddYears(1)) { Created = T0, Id = "urn:uuid:1" }, f.Owner);

        Assert.Equal(["@context", "id", "parentCapability", "invocationTarget", "controller", "allowedAction", "expires", "proof"], d1.Select(p => p.Key));
        Assert.Equal("""["https://w3id.org/zcap/v1","https://w3id.org/security/data-integrity/v2"]""", d1["@context"]!.ToJsonString());
        Assert.Equal(root["id"]!.GetValue<string>(), d1["parentCapability"]!.GetValue<string>());
        Assert.Equal("2027-01-01T00:00:00Z", d1["expires"]!.GetValue<string>());
        var proof = d1["proof"]!.AsObject();
        Assert.Equal("DataIntegrityProof", proof["type"]!.GetValue<string>());
        Assert.Equal("eddsa-jcs-2022", proof["cryptosuite"]!.GetValue<string>());
        Assert.Equal("capabilityDelegation", proof["proofPurpose"]!.GetValue<string>());
        Assert.Equal(Vm(f.Owner), proof["verificationMethod"]!.GetValue<string>());
        Assert.Equal("2026-01-01T00:00:00Z", proof["created"]!.GetValue<string>());
        Assert.Equal($"""["{root["id"]}"]""", proof["capabilityChain"]!.ToJsonString());
        Assert.StartsWith("z", proof["proofValue"]!.GetValue<string>());
    }

    [Fact]
    public void Deeper_delegations_embed_only_the_direct_parent()
    {
        using var f = new ZcapFixture();
        var root = f.Root();
        var d1 = CapabilityIssuer.Delegate(root, new DelegationRequest(DidOf(f.Alice), Community, null, T0.AddYears(3)) { Created = T0 }, f.Owner);
        var d2 = CapabilityIssuer.Delegate(d1, new DelegationRequest(DidOf(f.Bob), Channel, ["write"], T0.AddYears(2)) { Created = T0 }, f.Alice);
        var d3 = CapabilityIssuer.Delegate(d2, new DelegationRequest(DidOf(f.Carol), Channel, null, T0.AddYears(1)) { Created = T0 }, f.Bob);

        Assert.False(d1.ContainsKey("allowedAction"));
        var chain2 = d2["proof"]!["capabilityChain"]!.AsArray();
        Assert.Equal(2, chain2.Count);
        Assert.Equal(root["id"]!.GetValue<string>(), chain2[0]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(d1, chain2[1]));
        var chain3 = d3["proof"]!["capabilityChain"]!.AsArray();
        Assert.Equal(3, chain3.Count);
        Assert.Equal(d1["id"]!.GetValue<string>(), chain3[1]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(d2, chain3[2]));
        Assert.Equal("""["write"]""", d3["allowedAction"]!.ToJsonString());
    }

    [Fact]
    public void Delegation_refuses_what_a_verifier_would_reject()
    {
        using var f = new ZcapFixture();
        var (_, d1, _, _) = f.Chain();
        var ok = new DelegationRequest(DidOf(f.Bob), Channel, ["read"], T0.AddYears(1)) { Created = T0.AddDays(1) };
        Assert.Equal(CapabilityErrorCodes.WrongSigner, Refuse(() => CapabilityIssuer.Delegate(d1, ok, f.Mallory)));
        Assert.Equal(CapabilityErrorCodes.ActionWidened, Refuse(() => CapabilityIssuer.Delegate(d1, ok with { AllowedActions = ["read", "admin"] }, f.Alice)));
        Assert.Equal(CapabilityErrorCodes.TargetWidened, Refuse(() => CapabilityIssuer.Delegate(d1, ok with { InvocationTarget = OtherCommunity }, f.Alice)));
        Assert.Equal(CapabilityErrorCodes.ExpiryExtended, Refuse(() => CapabilityIssuer.Delegate(d1, ok with { Expires = T0.AddYears(10) }, f.Alice)));
        Assert.Equal(CapabilityErrorCodes.Expired, Refuse(() => CapabilityIssuer.Delegate(d1, ok with { Created = T0.AddYears(2) }, f.Alice)));
        Assert.Equal(CapabilityErrorCodes.DelegatedBeforeParent, Refuse(() => CapabilityIssuer.Delegate(d1, ok with { Created = T0.AddDays(-1) }, f.Alice)));
        Assert.Equal(CapabilityErrorCodes.Malformed, Refuse(() => CapabilityIssuer.Delegate(d1, ok with { InvocationTarget = Community + "/../c2" }, f.Alice)));
        Assert.Equal(CapabilityErrorCodes.Malformed, Refuse(() => CapabilityIssuer.Delegate(d1, ok with { Controller = "bob" }, f.Alice)));
    }

    [Fact]
    public void Invocation_adds_the_contexts_a_nonce_and_the_capability()
    {
        using var f = new ZcapFixture();
        var (root, _, _, d3) = f.Chain();
        var invocation = CapabilityIssuer.Invoke(new JsonObject { ["type"] = "PostMessage" }, d3, new InvocationRequest("write", Channel) { Created = Now }, f.Carol);
        Assert.Equal("""["https://w3id.org/zcap/v1","https://w3id.org/security/data-integrity/v2"]""", invocation["@context"]!.ToJsonString());
        var proof = invocation["proof"]!.AsObject();
        Assert.Equal("capabilityInvocation", proof["proofPurpose"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(d3, proof["capability"]));
        Assert.Equal("write", proof["capabilityAction"]!.GetValue<string>());
        Assert.Equal(Channel, proof["invocationTarget"]!.GetValue<string>());
        Assert.Equal(22, proof["nonce"]!.GetValue<string>().Length);

        var other = CapabilityIssuer.Invoke(new JsonObject { ["type"] = "PostMessage" }, d3, new InvocationRequest("write", Channel) { Created = Now }, f.Carol);
        Assert.NotEqual(proof["nonce"]!.GetValue<string>(), other["proof"]!["nonce"]!.GetValue<string>());

        var rootInvocation = CapabilityIssuer.Invoke(new JsonObject(), root, new InvocationRequest("delete", Community), f.Owner);
        Assert.Equal(root["id"]!.GetValue<string>(), rootInvocation["proof"]!["capability"]!.GetValue<string>());
    }

    [Fact]
    public void Invocation_refuses_what_a_verifier_would_reject()
    {
        using var f = new ZcapFixture();
        var d3 = f.Chain().D3;
        var doc = new JsonObject { ["type"] = "PostMessage" };
        Assert.Equal(CapabilityErrorCodes.WrongInvoker, Refuse(() => CapabilityIssuer.Invoke(doc, d3, new InvocationRequest("write", Channel), f.Bob)));
        Assert.Equal(CapabilityErrorCodes.ActionNotAllowed, Refuse(() => CapabilityIssuer.Invoke(doc, d3, new InvocationRequest("read", Channel), f.Carol)));
        Assert.Equal(CapabilityErrorCodes.TargetNotAllowed, Refuse(() => CapabilityIssuer.Invoke(doc, d3, new InvocationRequest("write", OtherChannel), f.Carol)));
        var foreignContext = new JsonObject { ["@context"] = "https://www.w3.org/ns/credentials/v2" };
        Assert.Equal(CapabilityErrorCodes.Malformed, Refuse(() => CapabilityIssuer.Invoke(foreignContext, d3, new InvocationRequest("write", Channel), f.Carol)));
    }

    private static string Refuse(Action action) => Assert.Throws<CapabilityException>(action).Code;
}
