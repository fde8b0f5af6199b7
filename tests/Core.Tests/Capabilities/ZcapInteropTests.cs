using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Harmony.Core.Tests.Interop;
using Xunit;
using Xunit.Abstractions;
using static Harmony.Core.Tests.Capabilities.ZcapFixture;

namespace Harmony.Core.Tests.Capabilities;

/// <summary>
/// Interop with @digitalbazaar/zcap 9 + eddsa-jcs-2022 (tests/Interop/zcap, offline document loader): chains and
/// invocations made by either side verify on the other, and a forged chain is rejected by both.
/// </summary>
public sealed class ZcapInteropTests(ITestOutputHelper output)
{
    private const string Harness = "zcap";
    private static readonly DateTimeOffset InvokedAt = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Seed(byte fill) => Convert.ToHexString(Enumerable.Repeat(fill, 32).ToArray()).ToLowerInvariant();

    private static JsonObject DbChainInput(bool withInvocation) => new()
    {
        ["rootTarget"] = Community,
        ["rootSeedHex"] = Seed(1),
        ["delegations"] = new JsonArray(
            Delegation(2, Community, ["read", "write", "moderate"], "2030-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "urn:uuid:11111111-1111-4111-8111-111111111111"),
            Delegation(3, Channel, ["read", "write"], "2029-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "urn:uuid:22222222-2222-4222-8222-222222222222"),
            // The last one uses the single-string form of allowedAction, which the data model also allows.
            Delegation(4, Channel, "write", "2028-01-01T00:00:00Z", "2026-01-03T00:00:00Z", "urn:uuid:33333333-3333-4333-8333-333333333333")),
        ["invocation"] = withInvocation
            ? new JsonObject
            {
                ["document"] = new JsonObject
                {
                    ["@context"] = new JsonArray("https://w3id.org/zcap/v1", "https://w3id.org/security/data-integrity/v2"),
                    ["id"] = "urn:uuid:44444444-4444-4444-8444-444444444444",
                    ["type"] = "PostMessage",
                },
                ["action"] = "write",
                ["target"] = Channel,
                ["created"] = "2026-06-01T00:00:00Z",
                ["nonce"] = "db-nonce-1",
            }
            : null,
    };

    private static JsonObject Delegation(byte seed, string target, string[] actions, string expires, string created, string id) =>
        Delegation(seed, target, new JsonArray([.. actions.Select(a => (JsonNode?)a)]), expires, created, id);

    private static JsonObject Delegation(byte seed, string target, JsonNode actions, string expires, string created, string id) => new()
    {
        ["seedHex"] = Seed(seed),
        ["target"] = target,
        ["actions"] = actions,
        ["expires"] = expires,
        ["created"] = created,
        ["id"] = id,
    };

    private static async Task<JsonObject> RunAsync(string script, JsonObject input)
    {
        var stdout = await NodeRunner.RunAsync(Harness, script, input.ToJsonString());
        return JsonNode.Parse(stdout)!.AsObject();
    }

    private async Task<(bool Verified, string Errors)> DbVerifyAsync(JsonObject input)
    {
        var result = await RunAsync("db-verify.js", input);
        var errors = result["errors"]!.ToJsonString();
        output.WriteLine($"@digitalbazaar/zcap: verified={result["verified"]} errors={errors}");
        return (result["verified"]!.GetValue<bool>(), errors);
    }

    [Fact]
    public async Task Depth3_chain_and_invocation_made_by_digitalbazaar_verify_in_Harmony()
    {
        using var f = new ZcapFixture();
        f.Clock.Now = InvokedAt;
        var made = await RunAsync("db-chain.js", DbChainInput(withInvocation: true));
        var root = made["root"]!.AsObject();
        Assert.True(JsonNode.DeepEquals(CapabilityIssuer.CreateRoot(Community, DidOf(f.Owner)), root), "root zcap layout differs");

        var tail = made["capabilities"]![2]!.AsObject();
        var chain = await f.Verifier().VerifyCapabilityAsync(tail, DidOf(f.Owner), Community);
        Assert.Equal(root["id"]!.GetValue<string>(), chain.RootCapabilityId);
        Assert.Equal(3, chain.Links.Count);
        Assert.Equal(["write"], chain.Tail!.AllowedActions!);

        var invocation = made["invocation"]!.AsObject();
        var verified = await f.Verifier().VerifyInvocationAsync(invocation, new InvocationExpectation("write", Channel, DidOf(f.Owner)) { RootTarget = Community });
        Assert.Equal(DidOf(f.Carol), verified.Invoker);
        Assert.Equal("urn:uuid:33333333-3333-4333-8333-333333333333", verified.CapabilityId);
        Assert.Equal("db-nonce-1", verified.Nonce);
    }

    [Fact]
    public async Task Root_invocation_made_by_digitalbazaar_verifies_in_Harmony()
    {
        using var f = new ZcapFixture();
        f.Clock.Now = InvokedAt;
        var input = DbChainInput(withInvocation: true);
        input["delegations"] = new JsonArray();
        input["invocation"]!["target"] = Community;
        input["invocation"]!["action"] = "delete";
        var made = await RunAsync("db-chain.js", input);
        var invocation = made["invocation"]!.AsObject();
        Assert.Equal(made["root"]!["id"]!.GetValue<string>(), invocation["proof"]!["capability"]!.GetValue<string>());
        var verified = await f.Verifier().VerifyInvocationAsync(invocation, new InvocationExpectation("delete", Community, DidOf(f.Owner)));
        Assert.Equal(DidOf(f.Owner), verified.Invoker);
        Assert.Empty(verified.Chain.Links);
    }

    [Fact]
    public async Task Chain_made_by_digitalbazaar_with_a_tampered_link_is_rejected_by_Harmony()
    {
        using var f = new ZcapFixture();
        f.Clock.Now = InvokedAt;
        var made = await RunAsync("db-chain.js", DbChainInput(withInvocation: false));
        var tail = made["capabilities"]![2]!.AsObject();
        // Widen the embedded parent's actions after signing: its delegation proof no longer matches.
        tail["proof"]!["capabilityChain"]![2]!["allowedAction"] = new JsonArray("read", "write", "moderate");
        var e = await Assert.ThrowsAsync<CapabilityException>(() => f.Verifier().VerifyCapabilityAsync(tail, DidOf(f.Owner)).AsTask());
        Assert.Equal(CapabilityErrorCodes.Signature, e.Code);
    }

    [Fact]
    public async Task Depth3_chain_and_invocation_made_by_Harmony_verify_in_digitalbazaar()
    {
        using var f = new ZcapFixture();
        var root = f.Root();
        var d1 = CapabilityIssuer.Delegate(root, new DelegationRequest(DidOf(f.Alice), Community, ["read", "write", "moderate"], T0.AddYears(4)) { Created = T0 }, f.Owner);
        var d2 = CapabilityIssuer.Delegate(d1, new DelegationRequest(DidOf(f.Bob), Channel, ["read", "write"], T0.AddYears(3)) { Created = T0.AddDays(1) }, f.Alice);
        var d3 = CapabilityIssuer.Delegate(d2, new DelegationRequest(DidOf(f.Carol), Channel, ["write"], T0.AddYears(2)) { Created = T0.AddDays(2) }, f.Bob);
        var invocation = CapabilityIssuer.Invoke(new JsonObject { ["type"] = "PostMessage", ["ciphertext"] = "AAEC" }, d3, new InvocationRequest("write", Channel) { Created = Now }, f.Carol);
        var date = Now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

        foreach (var capability in new[] { d1, d2, d3 })
        {
            var (ok, errors) = await DbVerifyAsync(new JsonObject { ["root"] = root.DeepClone(), ["capability"] = capability.DeepClone(), ["date"] = date });
            Assert.True(ok, $"{capability["id"]}: {errors}");
        }
        var (invOk, invErrors) = await DbVerifyAsync(new JsonObject
        {
            ["root"] = root.DeepClone(),
            ["invocation"] = invocation.DeepClone(),
            ["expectedTarget"] = Channel,
            ["expectedAction"] = "write",
            ["date"] = date,
        });
        Assert.True(invOk, invErrors);

        // And the same invocation for another action is refused there too (the harness can say no).
        var (wrongOk, _) = await DbVerifyAsync(new JsonObject
        {
            ["root"] = root.DeepClone(),
            ["invocation"] = invocation.DeepClone(),
            ["expectedTarget"] = Channel,
            ["expectedAction"] = "moderate",
            ["date"] = date,
        });
        Assert.False(wrongOk);
    }

    [Fact]
    public async Task Root_invocation_made_by_Harmony_verifies_in_digitalbazaar()
    {
        using var f = new ZcapFixture();
        var root = f.Root();
        var invocation = CapabilityIssuer.Invoke(new JsonObject { ["type"] = "DeleteCommunity" }, root, new InvocationRequest("delete", Community) { Created = Now }, f.Owner);
        Assert.Equal(root["id"]!.GetValue<string>(), invocation["proof"]!["capability"]!.GetValue<string>());
        var (ok, errors) = await DbVerifyAsync(new JsonObject
        {
            ["root"] = root.DeepClone(),
            ["invocation"] = invocation.DeepClone(),
            ["expectedTarget"] = Community,
            ["expectedAction"] = "delete",
            ["date"] = Now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        });
        Assert.True(ok, errors);
    }

    [Fact]
    public async Task A_widened_delegation_is_rejected_by_both()
    {
        using var f = new ZcapFixture();
        f.Clock.Now = InvokedAt;
        var root = f.Root();
        var d1 = ForgeDelegation(root, "urn:uuid:11111111-1111-4111-8111-111111111111", f.Owner, DidOf(f.Alice), Community, ["read"], "2030-01-01T00:00:00Z", T0);
        var d2 = ForgeDelegation(d1, "urn:uuid:22222222-2222-4222-8222-222222222222", f.Alice, DidOf(f.Bob), Channel, ["read", "write"], "2029-01-01T00:00:00Z", T0.AddDays(1));

        var e = await Assert.ThrowsAsync<CapabilityException>(() => f.Verifier().VerifyCapabilityAsync(d2, DidOf(f.Owner)).AsTask());
        Assert.Equal(CapabilityErrorCodes.ActionWidened, e.Code);
        var (ok, errors) = await DbVerifyAsync(new JsonObject { ["root"] = root.DeepClone(), ["capability"] = d2.DeepClone(), ["date"] = "2026-06-01T00:00:00Z" });
        Assert.False(ok);
        Assert.Contains("less restrictive", errors);
    }

    [Theory]
    [InlineData("https://harmony.example/communities/c1")]
    [InlineData("https://harmony.example/c/caf\u00e9/(a)!*'~_.-?q=1&r=a%20b")]
    [InlineData("urn:harmony:community:7d9f")]
    public async Task Root_capability_ids_match_digitalbazaar_encoding(string target)
    {
        var made = await RunAsync("db-chain.js", new JsonObject { ["rootTarget"] = target, ["rootSeedHex"] = Seed(1), ["delegations"] = new JsonArray() });
        var root = made["root"]!.AsObject();
        output.WriteLine(root["id"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(CapabilityIssuer.CreateRoot(target, root["controller"]!.GetValue<string>()), root));
        Assert.True(InvocationTarget.TryParseRootCapabilityId(root["id"]!.GetValue<string>(), out var back));
        Assert.Equal(target, back);
    }
}
