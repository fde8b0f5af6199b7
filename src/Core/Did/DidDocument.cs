using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Crypto;

namespace Harmony.Core.Did;

/// <summary>
/// A DID document (DID Core 1.0) as the did:key method defines it. For an Ed25519 did:key: the Ed25519 Multikey for
/// authentication, assertionMethod, capabilityInvocation and capabilityDelegation, and the X25519 key derived by the
/// birational map for keyAgreement. For an X25519 did:key: the key for keyAgreement only.
/// </summary>
public sealed record DidDocument
{
    /// <summary>The JSON-LD contexts of every document Harmony builds.</summary>
    public static IReadOnlyList<string> DefaultContext { get; } = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"];

    /// <summary>The <c>@context</c> values.</summary>
    public required IReadOnlyList<string> Context { get; init; }

    /// <summary>The DID the document describes.</summary>
    public required string Id { get; init; }

    /// <summary>The document's verification methods.</summary>
    public required IReadOnlyList<VerificationMethod> VerificationMethod { get; init; }

    /// <summary>Ids of methods that authenticate the subject.</summary>
    public IReadOnlyList<string> Authentication { get; init; } = [];

    /// <summary>Ids of methods that make assertions (sign credentials).</summary>
    public IReadOnlyList<string> AssertionMethod { get; init; } = [];

    /// <summary>Ids of methods that invoke capabilities.</summary>
    public IReadOnlyList<string> CapabilityInvocation { get; init; } = [];

    /// <summary>Ids of methods that delegate capabilities.</summary>
    public IReadOnlyList<string> CapabilityDelegation { get; init; } = [];

    /// <summary>Ids of methods used for key agreement (encryption to the subject).</summary>
    public IReadOnlyList<string> KeyAgreement { get; init; } = [];

    /// <summary>Builds the document of a did:key offline. Throws <see cref="DidException"/> <c>did.invalid_key</c> for an unusable Ed25519 key.</summary>
    public static DidDocument FromDidKey(DidKey didKey)
    {
        ArgumentNullException.ThrowIfNull(didKey);
        var did = didKey.Did;
        var own = new VerificationMethod(didKey.VerificationMethodId, did, didKey.MultibaseKey);
        if (didKey.KeyType == DidKeyType.X25519)
        {
            return new DidDocument
            {
                Context = DefaultContext,
                Id = did,
                VerificationMethod = [own],
                KeyAgreement = [own.Id],
            };
        }
        // did-method-key §3.1.4: a key that is not a valid point of its type is an invalidPublicKey error.
        if (!Ed25519.IsValidPublicKey(didKey.PublicKey))
            throw new DidException("did.invalid_key", "The Ed25519 public key is not a canonical point of the prime-order subgroup.");
        var x25519 = Ed25519ToX25519.PublicKey(didKey.PublicKey);
        var agreementKey = DidKey.FromX25519(x25519).MultibaseKey;
        var agreement = new VerificationMethod(did + "#" + agreementKey, did, agreementKey);
        return new DidDocument
        {
            Context = DefaultContext,
            Id = did,
            VerificationMethod = [own, agreement],
            Authentication = [own.Id],
            AssertionMethod = [own.Id],
            CapabilityInvocation = [own.Id],
            CapabilityDelegation = [own.Id],
            KeyAgreement = [agreement.Id],
        };
    }

    /// <summary>Finds a verification method by its full id; null when the document has none.</summary>
    public VerificationMethod? FindVerificationMethod(string id) => VerificationMethod.FirstOrDefault(m => m.Id == id);

    /// <summary>The JSON-LD form; empty relationships are left out.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["@context"] = new JsonArray([.. Context.Select(c => (JsonNode?)JsonValue.Create(c))]),
            ["id"] = Id,
            ["verificationMethod"] = new JsonArray([.. VerificationMethod.Select(m => (JsonNode?)m.ToJson())]),
        };
        AddRelationship(json, "authentication", Authentication);
        AddRelationship(json, "assertionMethod", AssertionMethod);
        AddRelationship(json, "capabilityInvocation", CapabilityInvocation);
        AddRelationship(json, "capabilityDelegation", CapabilityDelegation);
        AddRelationship(json, "keyAgreement", KeyAgreement);
        return json;
    }

    /// <summary>The JSON text (indented when asked).</summary>
    public string ToJsonString(bool indented = false) => ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = indented });

    private static void AddRelationship(JsonObject json, string name, IReadOnlyList<string> ids)
    {
        if (ids.Count > 0) json[name] = new JsonArray([.. ids.Select(i => (JsonNode?)JsonValue.Create(i))]);
    }
}
