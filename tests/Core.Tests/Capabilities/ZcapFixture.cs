using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Harmony.Core.Credentials.DataIntegrity;
using Harmony.Core.Crypto;
using Harmony.Core.Did;

namespace Harmony.Core.Tests.Capabilities;

/// <summary>
/// Deterministic parties, targets and times for ZCAP tests, and a forger that signs arbitrary capability and
/// invocation JSON straight with eddsa-jcs-2022 (bypassing <see cref="CapabilityIssuer"/>'s checks), so a test can
/// build exactly the malicious shape it needs and its honest twin the same way.
/// </summary>
internal sealed class ZcapFixture : IDisposable
{
    public const string Community = "https://harmony.example/communities/c1";
    public const string OtherCommunity = "https://harmony.example/communities/c2";
    public const string Channel = Community + "/channels/general";
    public const string OtherChannel = Community + "/channels/random";

    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public Ed25519KeyPair Owner { get; } = Key(1);
    public Ed25519KeyPair Alice { get; } = Key(2);
    public Ed25519KeyPair Bob { get; } = Key(3);
    public Ed25519KeyPair Carol { get; } = Key(4);
    public Ed25519KeyPair Mallory { get; } = Key(5);

    public ManualClock Clock { get; } = new(Now);

    public static Ed25519KeyPair Key(byte fill) => Ed25519KeyPair.FromSeed(Enumerable.Repeat(fill, 32).ToArray());

    public static string DidOf(Ed25519KeyPair key) => DidKey.FromEd25519(key.PublicKey).Did;

    public static string Vm(Ed25519KeyPair key) => DidKey.FromEd25519(key.PublicKey).VerificationMethodId;

    public JsonObject Root(string target = Community) => CapabilityIssuer.CreateRoot(target, DidOf(Owner));

    /// <summary>Signs a delegation of <paramref name="parent"/> with no policy checks.</summary>
    public static JsonObject ForgeDelegation(
        JsonObject parent, string id, Ed25519KeyPair signer, string controller, string target, string[]? actions,
        string? expires, DateTimeOffset created, Action<JsonObject>? editDocument = null, JsonArray? chain = null,
        string purpose = "capabilityDelegation")
    {
        var doc = new JsonObject
        {
            ["@context"] = new JsonArray("https://w3id.org/zcap/v1", "https://w3id.org/security/data-integrity/v2"),
            ["id"] = id,
            ["parentCapability"] = parent["id"]!.GetValue<string>(),
            ["invocationTarget"] = target,
            ["controller"] = controller,
        };
        if (actions is not null) doc["allowedAction"] = new JsonArray([.. actions.Select(a => (JsonNode?)a)]);
        if (expires is not null) doc["expires"] = expires;
        editDocument?.Invoke(doc);
        var options = new ProofOptions(Vm(signer), purpose, created)
        {
            Extra = new JsonObject { ["capabilityChain"] = chain ?? ChainOf(parent) },
        };
        return EddsaJcs2022.Sign(doc, options, signer);
    }

    /// <summary>The capabilityChain a child of <paramref name="parent"/> gets (the @digitalbazaar/zcap layout).</summary>
    public static JsonArray ChainOf(JsonObject parent)
    {
        if (!parent.ContainsKey("parentCapability")) return [parent["id"]!.GetValue<string>()];
        var chain = (JsonArray)parent["proof"]!["capabilityChain"]!;
        var result = new JsonArray();
        foreach (var entry in chain)
            result.Add(entry is JsonObject o ? o["id"]!.GetValue<string>() : entry!.GetValue<string>());
        result.Add(parent.DeepClone());
        return result;
    }

    /// <summary>Signs an invocation of <paramref name="capability"/> with no policy checks.</summary>
    public static JsonObject ForgeInvocation(
        JsonObject capability, Ed25519KeyPair signer, string action, string target, DateTimeOffset created, string? nonce,
        string purpose = "capabilityInvocation", string? verificationMethod = null, JsonObject? document = null)
    {
        var doc = document ?? new JsonObject
        {
            ["@context"] = new JsonArray("https://w3id.org/zcap/v1", "https://w3id.org/security/data-integrity/v2"),
            ["id"] = "urn:uuid:0b8d3a6e-2f7c-4c55-9f0e-5a1d2c3b4e5f",
            ["type"] = "PostMessage",
            ["ciphertext"] = "bWxzLWNpcGhlcnRleHQ",
        };
        var isRoot = !capability.ContainsKey("parentCapability");
        var options = new ProofOptions(verificationMethod ?? Vm(signer), purpose, created)
        {
            Nonce = nonce,
            Extra = new JsonObject
            {
                ["capability"] = isRoot ? JsonValue.Create(capability["id"]!.GetValue<string>()) : capability.DeepClone(),
                ["invocationTarget"] = target,
                ["capabilityAction"] = action,
            },
        };
        return EddsaJcs2022.Sign(doc, options, signer);
    }

    /// <summary>
    /// The honest depth-3 chain: owner → Alice (community; read, write, moderate; 2030) → Bob (#general; read, write;
    /// 2029) → Carol (#general; write; 2028).
    /// </summary>
    public (JsonObject Root, JsonObject D1, JsonObject D2, JsonObject D3) Chain()
    {
        var root = Root();
        var d1 = ForgeDelegation(root, "urn:uuid:11111111-1111-4111-8111-111111111111", Owner, DidOf(Alice), Community, ["read", "write", "moderate"], "2030-01-01T00:00:00Z", T0);
        var d2 = ForgeDelegation(d1, "urn:uuid:22222222-2222-4222-8222-222222222222", Alice, DidOf(Bob), Channel, ["read", "write"], "2029-01-01T00:00:00Z", T0.AddDays(1));
        var d3 = ForgeDelegation(d2, "urn:uuid:33333333-3333-4333-8333-333333333333", Bob, DidOf(Carol), Channel, ["write"], "2028-01-01T00:00:00Z", T0.AddDays(2));
        return (root, d1, d2, d3);
    }

    public JsonObject Invoke(JsonObject capability, Ed25519KeyPair signer, string action = "write", string target = Channel, string nonce = "nonce-1") =>
        ForgeInvocation(capability, signer, action, target, Clock.Now, nonce);

    public static InvocationExpectation Expect(ZcapFixture f, string action = "write", string target = Channel) => new(action, target, DidOf(f.Owner));

    public CapabilityVerifier Verifier(CapabilityVerifierOptions? options = null, ICapabilityRevocationList? revocations = null, INonceStore? nonces = null, VerifiedChainCache? cache = null) =>
        new(options, revocations, nonces ?? new InMemoryNonceStore(Clock), Clock, cache);

    public void Dispose()
    {
        Owner.Dispose();
        Alice.Dispose();
        Bob.Dispose();
        Carol.Dispose();
        Mallory.Dispose();
    }
}
