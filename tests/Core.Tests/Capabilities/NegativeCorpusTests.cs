using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Harmony.Core.Encoding;
using Xunit;
using Xunit.Abstractions;
using static Harmony.Core.Tests.Capabilities.ZcapFixture;

namespace Harmony.Core.Tests.Capabilities;

/// <summary>
/// Forged and over-reaching delegations and invocations. Every case is built twice the same way: honest (the positive
/// control, which must verify) and forged (which must fail with exactly the case's own error code).
/// </summary>
public sealed class NegativeCorpusTests(ITestOutputHelper output)
{
    private delegate Task Scenario(ZcapFixture f, bool forged);

    private sealed record Case(string Code, Scenario Run);

    private const string D1Id = "urn:uuid:11111111-1111-4111-8111-111111111111";
    private const string D2Id = "urn:uuid:22222222-2222-4222-8222-222222222222";
    private const string D3Id = "urn:uuid:33333333-3333-4333-8333-333333333333";

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["forged delegation signature"] = new(CapabilityErrorCodes.Signature, async (f, forged) =>
        {
            var (_, _, _, d3) = f.Chain();
            if (forged) d3["proof"]!["proofValue"] = Multibase.EncodeBase58Btc(f.Bob.Sign("something else"u8));
            await VerifyAsync(f, f.Invoke(d3, f.Carol));
        }),
        ["invocation payload altered after signing"] = new(CapabilityErrorCodes.Tampered, async (f, forged) =>
        {
            var invocation = f.Invoke(f.Chain().D3, f.Carol);
            if (forged) invocation["ciphertext"] = "c29tZXRoaW5nLWVsc2U";
            await VerifyAsync(f, invocation);
        }),
        ["delegation signed by someone who does not control the parent"] = new(CapabilityErrorCodes.WrongSigner, async (f, forged) =>
        {
            var (_, d1, _, _) = f.Chain();
            var d2 = ForgeDelegation(d1, D2Id, forged ? f.Mallory : f.Alice, DidOf(f.Carol), Channel, ["write"], "2029-01-01T00:00:00Z", T0.AddDays(1));
            await VerifyAsync(f, f.Invoke(d2, f.Carol));
        }),
        ["invocation signed by someone who does not control the capability"] = new(CapabilityErrorCodes.WrongInvoker, async (f, forged) =>
            await VerifyAsync(f, f.Invoke(f.Chain().D3, forged ? f.Mallory : f.Carol))),
        ["delegation proof with the wrong purpose"] = new(CapabilityErrorCodes.WrongPurpose, async (f, forged) =>
        {
            var (_, _, d2, _) = f.Chain();
            var d3 = ForgeDelegation(d2, D3Id, f.Bob, DidOf(f.Carol), Channel, ["write"], "2028-01-01T00:00:00Z", T0.AddDays(2),
                purpose: forged ? "assertionMethod" : "capabilityDelegation");
            await VerifyAsync(f, f.Invoke(d3, f.Carol));
        }),
        ["delegation widens the actions"] = new(CapabilityErrorCodes.ActionWidened, async (f, forged) =>
        {
            var (_, d1, _, _) = f.Chain();
            var d2 = ForgeDelegation(d1, D2Id, f.Alice, DidOf(f.Bob), Channel, forged ? ["read", "write", "admin"] : ["read", "write"], "2029-01-01T00:00:00Z", T0.AddDays(1));
            var d3 = ForgeDelegation(d2, D3Id, f.Bob, DidOf(f.Carol), Channel, ["write"], "2028-01-01T00:00:00Z", T0.AddDays(2));
            await VerifyAsync(f, f.Invoke(d3, f.Carol));
        }),
        ["delegation widens the target"] = new(CapabilityErrorCodes.TargetWidened, async (f, forged) =>
        {
            var root = f.Root();
            var d1 = ForgeDelegation(root, D1Id, f.Owner, DidOf(f.Alice), forged ? Channel : Community, ["read", "write"], "2030-01-01T00:00:00Z", T0);
            var d2 = ForgeDelegation(d1, D2Id, f.Alice, DidOf(f.Bob), Community, ["write"], "2029-01-01T00:00:00Z", T0.AddDays(1));
            var d3 = ForgeDelegation(d2, D3Id, f.Bob, DidOf(f.Carol), Channel, ["write"], "2028-01-01T00:00:00Z", T0.AddDays(2));
            await VerifyAsync(f, f.Invoke(d3, f.Carol));
        }),
        ["delegation expires after its parent"] = new(CapabilityErrorCodes.ExpiryExtended, async (f, forged) =>
        {
            var (_, d1, _, _) = f.Chain();
            var d2 = ForgeDelegation(d1, D2Id, f.Alice, DidOf(f.Bob), Channel, ["write"], forged ? "2031-01-01T00:00:00Z" : "2029-01-01T00:00:00Z", T0.AddDays(1));
            await VerifyAsync(f, f.Invoke(d2, f.Bob));
        }),
        ["delegation without expires"] = new(CapabilityErrorCodes.ExpiresMissing, async (f, forged) =>
        {
            var (_, _, d2, _) = f.Chain();
            var d3 = ForgeDelegation(d2, D3Id, f.Bob, DidOf(f.Carol), Channel, ["write"], forged ? null : "2028-01-01T00:00:00Z", T0.AddDays(2));
            await VerifyAsync(f, f.Invoke(d3, f.Carol));
        }),
        ["capability used after it expired"] = new(CapabilityErrorCodes.Expired, async (f, forged) =>
        {
            var (_, _, _, d3) = f.Chain();
            f.Clock.Now = forged ? new DateTimeOffset(2028, 1, 1, 0, 0, 1, TimeSpan.Zero) : new DateTimeOffset(2027, 12, 31, 23, 59, 59, TimeSpan.Zero);
            await VerifyAsync(f, f.Invoke(d3, f.Carol));
        }),
        ["a link of the chain is revoked"] = new(CapabilityErrorCodes.Revoked, async (f, forged) =>
        {
            var revocations = new InMemoryCapabilityRevocationList();
            revocations.Revoke(forged ? D1Id : "urn:uuid:99999999-9999-4999-8999-999999999999");
            await f.Verifier(revocations: revocations).VerifyInvocationAsync(f.Invoke(f.Chain().D3, f.Carol), Expect(f));
        }),
        ["invocation replayed"] = new(CapabilityErrorCodes.Replay, async (f, forged) =>
        {
            var d3 = f.Chain().D3;
            var verifier = f.Verifier();
            await verifier.VerifyInvocationAsync(f.Invoke(d3, f.Carol, nonce: "first"), Expect(f));
            await verifier.VerifyInvocationAsync(f.Invoke(d3, f.Carol, nonce: forged ? "first" : "second"), Expect(f));
        }),
        ["capabilityChain disagrees with parentCapability"] = new(CapabilityErrorCodes.ChainBroken, async (f, forged) =>
        {
            var (root, _, d2, _) = f.Chain();
            JsonArray? chain = forged ? [root["id"]!.GetValue<string>(), d2.DeepClone()] : null;
            var d3 = ForgeDelegation(d2, D3Id, f.Bob, DidOf(f.Carol), Channel, ["write"], "2028-01-01T00:00:00Z", T0.AddDays(2), chain: chain);
            await VerifyAsync(f, f.Invoke(d3, f.Carol));
        }),
        ["chain rooted in another community"] = new(CapabilityErrorCodes.RootMismatch, async (f, forged) =>
        {
            var community = forged ? OtherCommunity : Community;
            var root = f.Root(community);
            var d1 = ForgeDelegation(root, D1Id, f.Owner, DidOf(f.Alice), community, ["write"], "2030-01-01T00:00:00Z", T0);
            var d2 = ForgeDelegation(d1, D2Id, f.Alice, DidOf(f.Carol), community + "/channels/general", ["write"], "2029-01-01T00:00:00Z", T0.AddDays(1));
            await VerifyAsync(f, f.Invoke(d2, f.Carol));
        }),
        ["chain longer than the limit"] = new(CapabilityErrorCodes.ChainTooLong, async (f, forged) =>
        {
            var options = new CapabilityVerifierOptions { MaxChainLength = forged ? 3 : 4 };
            await f.Verifier(options).VerifyInvocationAsync(f.Invoke(f.Chain().D3, f.Carol), Expect(f));
        }),
        ["action the capability does not allow"] = new(CapabilityErrorCodes.ActionNotAllowed, async (f, forged) =>
        {
            var action = forged ? "read" : "write";
            await VerifyAsync(f, f.Invoke(f.Chain().D3, f.Carol, action: action), Expect(f, action: action));
        }),
        ["invocation for another action than the endpoint's"] = new(CapabilityErrorCodes.ActionMismatch, async (f, forged) =>
            await VerifyAsync(f, f.Invoke(f.Chain().D3, f.Carol), Expect(f, action: forged ? "moderate" : "write"))),
        ["invocation for another target than the endpoint's"] = new(CapabilityErrorCodes.TargetMismatch, async (f, forged) =>
            await VerifyAsync(f, f.Invoke(f.Chain().D3, f.Carol), Expect(f, target: forged ? OtherChannel : Channel))),
        ["invocation target outside the capability"] = new(CapabilityErrorCodes.TargetNotAllowed, async (f, forged) =>
        {
            var target = forged ? OtherChannel : Channel;
            await VerifyAsync(f, f.Invoke(f.Chain().D3, f.Carol, target: target), Expect(f, target: target));
        }),
        ["invocation created too far in the future"] = new(CapabilityErrorCodes.ClockSkew, async (f, forged) =>
        {
            var created = f.Clock.Now + (forged ? TimeSpan.FromMinutes(10) : TimeSpan.FromMinutes(2));
            await VerifyAsync(f, ForgeInvocation(f.Chain().D3, f.Carol, "write", Channel, created, "n"));
        }),
        ["invocation older than its capability's delegation"] = new(CapabilityErrorCodes.InvokedBeforeDelegation, async (f, forged) =>
        {
            var (_, _, d2, _) = f.Chain();
            var d3 = ForgeDelegation(d2, D3Id, f.Bob, DidOf(f.Carol), Channel, ["write"], "2028-01-01T00:00:00Z", forged ? Now.AddDays(1) : T0.AddDays(2));
            await VerifyAsync(f, f.Invoke(d3, f.Carol));
        }),
        ["delegation older than its parent"] = new(CapabilityErrorCodes.DelegatedBeforeParent, async (f, forged) =>
        {
            var (_, _, d2, _) = f.Chain();
            var d3 = ForgeDelegation(d2, D3Id, f.Bob, DidOf(f.Carol), Channel, ["write"], "2028-01-01T00:00:00Z", forged ? T0 : T0.AddDays(2));
            await VerifyAsync(f, f.Invoke(d3, f.Carol));
        }),
        ["invocation signed by a non-did:key verification method"] = new(CapabilityErrorCodes.VerificationMethod, async (f, forged) =>
        {
            var vm = forged ? "did:web:harmony.example#key-1" : Vm(f.Carol);
            await VerifyAsync(f, ForgeInvocation(f.Chain().D3, f.Carol, "write", Channel, f.Clock.Now, "n", verificationMethod: vm));
        }),
        ["invocation without a nonce"] = new(CapabilityErrorCodes.NonceMissing, async (f, forged) =>
            await VerifyAsync(f, ForgeInvocation(f.Chain().D3, f.Carol, "write", Channel, f.Clock.Now, forged ? null : "n"))),
        ["delegation with a caveat the verifier cannot enforce"] = new(CapabilityErrorCodes.UnsupportedCaveat, async (f, forged) =>
        {
            var (_, _, d2, _) = f.Chain();
            var d3 = ForgeDelegation(d2, D3Id, f.Bob, DidOf(f.Carol), Channel, ["write"], "2028-01-01T00:00:00Z", T0.AddDays(2), editDocument: doc =>
            {
                if (forged) doc["caveat"] = new JsonArray(new JsonObject { ["type"] = "ValidWhileTrue", ["uri"] = "https://h.example/still-ok" });
            });
            await VerifyAsync(f, f.Invoke(d3, f.Carol));
        }),
        ["delegation with a date-only expires"] = new(CapabilityErrorCodes.Malformed, async (f, forged) =>
        {
            var (_, _, d2, _) = f.Chain();
            var d3 = ForgeDelegation(d2, D3Id, f.Bob, DidOf(f.Carol), Channel, ["write"], forged ? "2028-01-01" : "2028-01-01T00:00:00Z", T0.AddDays(2));
            await VerifyAsync(f, f.Invoke(d3, f.Carol));
        }),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    private static async Task VerifyAsync(ZcapFixture f, JsonObject invocation, InvocationExpectation? expectation = null) =>
        await f.Verifier().VerifyInvocationAsync(invocation, expectation ?? Expect(f));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Honest_twin_verifies(string name)
    {
        using var f = new ZcapFixture();
        await Cases[name].Run(f, forged: false);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Forged_case_fails_with_its_own_code(string name)
    {
        using var f = new ZcapFixture();
        var e = await Assert.ThrowsAsync<CapabilityException>(() => Cases[name].Run(f, forged: true));
        output.WriteLine($"{name}: {e.Code} ({e.Message})");
        Assert.Equal(Cases[name].Code, e.Code);
    }

    [Fact]
    public void Every_case_has_a_distinct_code_and_there_are_at_least_twelve()
    {
        var codes = Cases.Values.Select(c => c.Code).ToList();
        output.WriteLine($"{codes.Count} cases, {codes.Distinct().Count()} distinct codes");
        Assert.True(codes.Count >= 12);
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
