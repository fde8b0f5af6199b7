using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Harmony.Core.Credentials.DataIntegrity;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Protocol;

namespace Harmony.Grains.Tests.Support;

/// <summary>A person with an Ed25519 did:key who signs envelopes, delegations and invocations.</summary>
public sealed class Actor
{
    public Actor() => Did = DidKey.FromEd25519(Key.PublicKey).Did;

    public Ed25519KeyPair Key { get; } = Ed25519KeyPair.Generate();

    public string Did { get; }

    /// <summary>Signs <paramref name="document"/> (empty when null) as an invocation of <paramref name="capability"/>.</summary>
    public string Invoke(JsonObject capability, string action, string target, JsonObject? document = null, string? nonce = null) =>
        CapabilityIssuer.Invoke(document ?? new JsonObject(), capability, new InvocationRequest(action, target) { Nonce = nonce }, Key).ToJsonString();

    /// <summary>
    /// Signs an invocation without the issuer's client-side checks (for actions or targets the capability does not
    /// allow), so the tests can show the server refusing what an honest client would not even produce.
    /// </summary>
    public string InvokeUnchecked(JsonObject capability, string action, string target, JsonObject? document = null)
    {
        var unsecured = new JsonObject { ["@context"] = new JsonArray(ZcapVocabulary.ContextUrl, ZcapVocabulary.DataIntegrityContextUrl) };
        foreach (var (name, value) in document ?? []) unsecured[name] = value?.DeepClone();
        var isRoot = !capability.ContainsKey("parentCapability");
        var options = new ProofOptions(DidKey.FromEd25519(Key.PublicKey).VerificationMethodId, ZcapVocabulary.InvocationPurpose, DateTimeOffset.UtcNow)
        {
            Nonce = Guid.NewGuid().ToString("N"),
            Extra = new JsonObject
            {
                ["capability"] = isRoot ? JsonValue.Create(capability["id"]!.GetValue<string>()) : capability.DeepClone(),
                ["invocationTarget"] = target,
                ["capabilityAction"] = action,
            },
        };
        return EddsaJcs2022.Sign(unsecured, options, Key).ToJsonString();
    }

    /// <summary>Delegates <paramref name="parent"/> to <paramref name="controller"/> for a day.</summary>
    public JsonObject Delegate(JsonObject parent, string controller, string target, params string[] actions) =>
        Delegate(parent, controller, target, DateTimeOffset.UtcNow.AddDays(1), actions);

    /// <summary>Delegates <paramref name="parent"/> to <paramref name="controller"/> until <paramref name="expires"/>.</summary>
    public JsonObject Delegate(JsonObject parent, string controller, string target, DateTimeOffset expires, params string[] actions) =>
        CapabilityIssuer.Delegate(parent, new DelegationRequest(controller, target, actions, expires), Key);

    /// <summary>A signed, encoded envelope with random ciphertext.</summary>
    public byte[] SignEnvelope(string channel, EnvelopeKind kind = EnvelopeKind.Message, string? target = null, string? thread = null, ulong lamport = 1) =>
        EnvelopeCodec.Encode(EnvelopeCodec.Sign(new Envelope
        {
            Channel = channel,
            Author = Did,
            Lamport = lamport,
            Kind = kind,
            CreatedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            Target = target,
            Thread = thread,
            Ciphertext = RandomNumberGenerator.GetBytes(48),
        }, Key));

    public static string IdOf(byte[] envelope) => EnvelopeCodec.Decode(envelope).Id;
}
