using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Xunit;
using static Harmony.Core.Tests.Capabilities.ZcapFixture;

namespace Harmony.Core.Tests.Capabilities;

public sealed class CapabilityVerifierTests
{
    private static JsonObject Example(string file) => JsonNode.Parse(Vectors.Text("zcap", "spec-examples", file))!.AsObject();

    [Fact]
    public async Task Issuer_made_chains_of_depth_1_to_3_verify()
    {
        using var f = new ZcapFixture();
        var root = f.Root();
        var d1 = CapabilityIssuer.Delegate(root, new DelegationRequest(DidOf(f.Alice), Community, ["read", "write"], T0.AddYears(3)) { Created = T0 }, f.Owner);
        var d2 = CapabilityIssuer.Delegate(d1, new DelegationRequest(DidOf(f.Bob), Channel, ["write"], T0.AddYears(2)) { Created = T0 }, f.Alice);
        var d3 = CapabilityIssuer.Delegate(d2, new DelegationRequest(DidOf(f.Carol), Channel + "/threads/t1", null, T0.AddYears(1)) { Created = T0 }, f.Bob);
        var verifier = f.Verifier();
        var depth = 0;
        foreach (var (cap, holder, target) in new[] { (d1, f.Alice, Community), (d2, f.Bob, Channel), (d3, f.Carol, Channel + "/threads/t1") })
        {
            depth++;
            var chain = await verifier.VerifyCapabilityAsync(cap, DidOf(f.Owner));
            Assert.Equal(depth, chain.Links.Count);
            var invocation = CapabilityIssuer.Invoke(new JsonObject { ["n"] = $"{depth}" }, cap, new InvocationRequest("write", target), holder, f.Clock);
            var result = await verifier.VerifyInvocationAsync(invocation, new InvocationExpectation("write", target, DidOf(f.Owner)) { RootTarget = Community });
            Assert.Equal(DidOf(holder), result.Invoker);
            Assert.Equal(cap["id"]!.GetValue<string>(), result.CapabilityId);
        }
    }

    [Fact]
    public async Task The_root_controller_may_invoke_the_root_directly_and_nobody_else_may()
    {
        using var f = new ZcapFixture();
        var root = f.Root();
        var ok = await f.Verifier().VerifyInvocationAsync(f.Invoke(root, f.Owner, "delete", Community), Expect(f, "delete", Community));
        Assert.Equal(root["id"]!.GetValue<string>(), ok.CapabilityId);
        Assert.Empty(ok.Chain.Links);
        var e = await Assert.ThrowsAsync<CapabilityException>(() => f.Verifier().VerifyInvocationAsync(f.Invoke(root, f.Alice, "delete", Community), Expect(f, "delete", Community)).AsTask());
        Assert.Equal(CapabilityErrorCodes.WrongInvoker, e.Code);
    }

    [Fact]
    public async Task Cached_chains_still_see_revocation_and_expiry()
    {
        using var f = new ZcapFixture();
        var (_, _, d2, d3) = f.Chain();
        var cache = new VerifiedChainCache();
        var revocations = new InMemoryCapabilityRevocationList();
        var verifier = f.Verifier(revocations: revocations, cache: cache);
        await verifier.VerifyInvocationAsync(f.Invoke(d3, f.Carol, nonce: "a"), Expect(f));
        Assert.Equal(1, cache.Count);
        await verifier.VerifyInvocationAsync(f.Invoke(d3, f.Carol, nonce: "b"), Expect(f));
        Assert.Equal(1, cache.Count);

        revocations.Revoke(d2["id"]!.GetValue<string>());
        var revoked = await Assert.ThrowsAsync<CapabilityException>(() => verifier.VerifyInvocationAsync(f.Invoke(d3, f.Carol, nonce: "c"), Expect(f)).AsTask());
        Assert.Equal(CapabilityErrorCodes.Revoked, revoked.Code);

        var fresh = f.Verifier(cache: cache);
        f.Clock.Now = new DateTimeOffset(2028, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var expired = await Assert.ThrowsAsync<CapabilityException>(() => fresh.VerifyInvocationAsync(f.Invoke(d3, f.Carol, nonce: "d"), Expect(f)).AsTask());
        Assert.Equal(CapabilityErrorCodes.Expired, expired.Code);
    }

    [Fact]
    public async Task A_changed_byte_anywhere_in_a_cached_chain_is_a_miss()
    {
        using var f = new ZcapFixture();
        var d3 = f.Chain().D3;
        var verifier = f.Verifier();
        await verifier.VerifyInvocationAsync(f.Invoke(d3, f.Carol, nonce: "a"), Expect(f));
        var altered = (JsonObject)d3.DeepClone();
        altered["proof"]!["capabilityChain"]![2]!["allowedAction"] = new JsonArray("read", "write", "moderate");
        var e = await Assert.ThrowsAsync<CapabilityException>(() => verifier.VerifyInvocationAsync(f.Invoke(altered, f.Carol, nonce: "b"), Expect(f)).AsTask());
        Assert.Equal(CapabilityErrorCodes.Signature, e.Code);
    }

    [Fact]
    public async Task A_cached_chain_is_not_trusted_under_another_root_controller_or_root()
    {
        using var f = new ZcapFixture();
        var d3 = f.Chain().D3;
        var verifier = f.Verifier();
        await verifier.VerifyInvocationAsync(f.Invoke(d3, f.Carol, nonce: "a"), Expect(f));
        var other = new InvocationExpectation("write", Channel, DidOf(f.Mallory));
        var wrongRoot = await Assert.ThrowsAsync<CapabilityException>(() => verifier.VerifyInvocationAsync(f.Invoke(d3, f.Carol, nonce: "b"), other).AsTask());
        Assert.Equal(CapabilityErrorCodes.WrongSigner, wrongRoot.Code);
        var pinned = Expect(f) with { RootTarget = OtherCommunity };
        var mismatch = await Assert.ThrowsAsync<CapabilityException>(() => verifier.VerifyInvocationAsync(f.Invoke(d3, f.Carol, nonce: "c"), pinned).AsTask());
        Assert.Equal(CapabilityErrorCodes.RootMismatch, mismatch.Code);
    }

    [Fact]
    public async Task A_rejected_invocation_does_not_burn_its_nonce()
    {
        using var f = new ZcapFixture();
        var verifier = f.Verifier();
        var invocation = f.Invoke(f.Chain().D3, f.Carol, nonce: "once");
        var e = await Assert.ThrowsAsync<CapabilityException>(() => verifier.VerifyInvocationAsync(invocation, Expect(f, action: "moderate")).AsTask());
        Assert.Equal(CapabilityErrorCodes.ActionMismatch, e.Code);
        await verifier.VerifyInvocationAsync(invocation, Expect(f));
        var replay = await Assert.ThrowsAsync<CapabilityException>(() => verifier.VerifyInvocationAsync(invocation, Expect(f)).AsTask());
        Assert.Equal(CapabilityErrorCodes.Replay, replay.Code);
    }

    [Fact]
    public async Task Nonces_are_scoped_to_the_invoker()
    {
        using var f = new ZcapFixture();
        var (_, _, d2, d3) = f.Chain();
        var verifier = f.Verifier();
        await verifier.VerifyInvocationAsync(f.Invoke(d3, f.Carol, nonce: "shared"), Expect(f));
        await verifier.VerifyInvocationAsync(f.Invoke(d2, f.Bob, nonce: "shared"), Expect(f));
    }

    [Fact]
    public async Task Without_target_attenuation_a_narrower_target_is_a_widening()
    {
        using var f = new ZcapFixture();
        var options = new CapabilityVerifierOptions { AllowTargetAttenuation = false };
        var (_, _, d2, _) = f.Chain();
        var e = await Assert.ThrowsAsync<CapabilityException>(() => f.Verifier(options).VerifyCapabilityAsync(d2, DidOf(f.Owner)).AsTask());
        Assert.Equal(CapabilityErrorCodes.TargetWidened, e.Code);
    }

    [Fact]
    public async Task A_controller_may_be_named_by_its_verification_method()
    {
        using var f = new ZcapFixture();
        var (_, _, d2, _) = f.Chain();
        var d3 = ForgeDelegation(d2, "urn:uuid:3", f.Bob, Vm(f.Carol), Channel, ["write"], "2028-01-01T00:00:00Z", T0.AddDays(2));
        var result = await f.Verifier().VerifyInvocationAsync(f.Invoke(d3, f.Carol), Expect(f));
        Assert.Equal(DidOf(f.Carol), result.Invoker);
    }

    [Fact]
    public async Task Two_invocation_proofs_are_malformed()
    {
        using var f = new ZcapFixture();
        var invocation = f.Invoke(f.Chain().D3, f.Carol);
        invocation["proof"] = new JsonArray(invocation["proof"]!.DeepClone(), invocation["proof"]!.DeepClone());
        var e = await Assert.ThrowsAsync<CapabilityException>(() => f.Verifier().VerifyInvocationAsync(invocation, Expect(f)).AsTask());
        Assert.Equal(CapabilityErrorCodes.Malformed, e.Code);
    }

    [Fact]
    public async Task An_embedded_root_capability_is_refused()
    {
        using var f = new ZcapFixture();
        var root = f.Root();
        var invocation = f.Invoke(root, f.Owner, "delete", Community);
        invocation["proof"]!["capability"] = root.DeepClone();
        var e = await Assert.ThrowsAsync<CapabilityException>(() => f.Verifier().VerifyInvocationAsync(invocation, Expect(f, "delete", Community)).AsTask());
        Assert.Equal(CapabilityErrorCodes.Malformed, e.Code);
    }

    [Fact]
    public void The_spec_examples_follow_the_data_model()
    {
        var root = Capability.Parse(Example("example-05.json"));
        Assert.True(root.IsRoot);
        Assert.Equal(["did:key:example"], root.Controllers);
        var delegated = Capability.Parse(Example("example-07.json"));
        Assert.Equal("urn:zcap:root:https%3A%2F%2Fexample.com%2Ffoo", delegated.ParentCapability);
        Assert.Equal(["write", "read"], delegated.AllowedActions!);
        Assert.Equal(new DateTimeOffset(2021, 11, 3, 18, 33, 51, TimeSpan.Zero), delegated.Expires);
        Assert.Equal(new DateTimeOffset(2021, 10, 27, 18, 33, 51, TimeSpan.Zero), delegated.Delegated);
    }

    [Fact]
    public async Task The_spec_example_delegation_is_not_accepted_with_an_unsupported_suite()
    {
        var example = Example("example-07.json");
        var verifier = new CapabilityVerifier(time: new ManualClock(new DateTimeOffset(2021, 11, 1, 0, 0, 0, TimeSpan.Zero)));
        // Even trusting its signer as the root controller, an Ed25519Signature2020 proof (without the ZCAP context a
        // JCS proof carries) is not something this verifier checks, so it is refused rather than waved through.
        var signer = example["proof"]!["verificationMethod"]!.GetValue<string>().Split('#')[0];
        var e = await Assert.ThrowsAsync<CapabilityException>(() => verifier.VerifyCapabilityAsync(example, signer).AsTask());
        Assert.Equal(CapabilityErrorCodes.Malformed, e.Code);
        // With the context a JCS proof would carry, the proof type itself is refused.
        example["proof"]!["@context"] = example["@context"]!.DeepClone();
        var e2 = await Assert.ThrowsAsync<CapabilityException>(() => verifier.VerifyCapabilityAsync(example, signer).AsTask());
        Assert.Equal(CapabilityErrorCodes.Malformed, e2.Code);
        Assert.Contains("proof.type", e2.Message);
    }
}
