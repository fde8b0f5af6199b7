using System.Text.Json.Nodes;

namespace Harmony.Core.Capabilities;

/// <summary>
/// A parsed, data-model-checked view of a capability (zcap) JSON object. It does not verify anything cryptographic;
/// <see cref="CapabilityVerifier"/> does. <see cref="Json"/> is the object it was read from (not copied).
/// </summary>
public sealed class Capability
{
    private Capability(JsonObject json, string id, string? parentCapability, IReadOnlyList<string> controllers, string invocationTarget,
        IReadOnlyList<string>? allowedActions, DateTimeOffset? expires, JsonObject? delegationProof, DateTimeOffset? delegated)
    {
        Json = json;
        Id = id;
        ParentCapability = parentCapability;
        Controllers = controllers;
        InvocationTarget = invocationTarget;
        AllowedActions = allowedActions;
        Expires = expires;
        DelegationProof = delegationProof;
        Delegated = delegated;
    }

    /// <summary>The JSON object this view was read from.</summary>
    public JsonObject Json { get; }

    /// <summary>The capability's <c>id</c> (an absolute URI).</summary>
    public string Id { get; }

    /// <summary>The parent's id; null for a root capability.</summary>
    public string? ParentCapability { get; }

    /// <summary>Whether this is a root capability (no <c>parentCapability</c>).</summary>
    public bool IsRoot => ParentCapability is null;

    /// <summary>The <c>controller</c> value(s): DIDs or verification method ids allowed to invoke or delegate.</summary>
    public IReadOnlyList<string> Controllers { get; }

    /// <summary>The <c>invocationTarget</c>.</summary>
    public string InvocationTarget { get; }

    /// <summary>The <c>allowedAction</c> values; null when absent (every action the parent allows).</summary>
    public IReadOnlyList<string>? AllowedActions { get; }

    /// <summary>The <c>expires</c> time; null when absent (roots; a delegation without it is rejected on verification).</summary>
    public DateTimeOffset? Expires { get; }

    /// <summary>The single <c>capabilityDelegation</c> proof of a delegated capability.</summary>
    public JsonObject? DelegationProof { get; }

    /// <summary>The delegation proof's <c>created</c>.</summary>
    public DateTimeOffset? Delegated { get; }

    /// <summary>Whether <paramref name="action"/> is allowed (an absent <c>allowedAction</c> allows every action).</summary>
    public bool Allows(string action) => AllowedActions is null || AllowedActions.Contains(action, StringComparer.Ordinal);

    /// <summary>
    /// Reads and checks the data model: root capabilities have the single ZCAP context, no <c>expires</c> and no proof
    /// requirement; delegated ones have an <c>@context</c> array starting with the ZCAP context, an absolute
    /// <c>parentCapability</c> and exactly one proof. A proof whose purpose is not <c>capabilityDelegation</c> is
    /// <see cref="CapabilityErrorCodes.WrongPurpose"/>; other problems are <see cref="CapabilityErrorCodes.Malformed"/>,
    /// except a missing <c>expires</c> (<see cref="CapabilityErrorCodes.ExpiresMissing"/>).
    /// </summary>
    public static Capability Parse(JsonNode? node, int maxAllowedActions = 64)
    {
        if (node is not JsonObject json) throw Malformed("A capability must be a JSON object.");
        var id = String(json, "id") ?? throw Malformed("A capability needs a string 'id'.");
        if (!id.Contains(':')) throw Malformed($"Capability id '{id}' is not an absolute URI.");
        var target = String(json, "invocationTarget");
        if (!Capabilities.InvocationTarget.IsValid(target)) throw Malformed($"Capability '{id}' needs an absolute 'invocationTarget' without dot segments.");
        if (json.ContainsKey("caveat"))
            throw new CapabilityException(CapabilityErrorCodes.UnsupportedCaveat, $"Capability '{id}' has caveats, which this verifier does not enforce.");
        var controllers = ReadControllers(json, id);
        var actions = Actions(json, id, maxAllowedActions);
        json.TryGetPropertyValue("@context", out var context);

        if (!json.ContainsKey("parentCapability"))
        {
            if (context is not JsonValue v || !v.TryGetValue<string>(out var c) || c != ZcapVocabulary.ContextUrl)
                throw Malformed($"Root capability '{id}' must have the single @context '{ZcapVocabulary.ContextUrl}'.");
            if (json.ContainsKey("expires")) throw Malformed($"Root capability '{id}' must not have 'expires'.");
            return new Capability(json, id, null, controllers, target!, actions, null, null, null);
        }

        var parent = String(json, "parentCapability");
        if (parent is null || !parent.Contains(':')) throw Malformed($"Capability '{id}' needs an absolute string 'parentCapability'.");
        if (context is not JsonArray ctx || ctx.Count == 0 || ctx[0] is not JsonValue first || !first.TryGetValue<string>(out var f) || f != ZcapVocabulary.ContextUrl)
            throw Malformed($"Delegated capability '{id}' must have an @context array starting with '{ZcapVocabulary.ContextUrl}'.");
        var proof = SingleProof(json, id);
        var created = String(proof, "created");
        if (!XsdDateTime.TryParse(created, out var delegated)) throw Malformed($"The delegation proof of '{id}' needs a valid 'created'.");
        DateTimeOffset? expires = null;
        if (json.TryGetPropertyValue("expires", out var expiresNode))
        {
            if (!XsdDateTime.TryParse(AsString(expiresNode), out var e)) throw Malformed($"Capability '{id}' has an invalid 'expires'.");
            expires = e;
        }
        return new Capability(json, id, parent, controllers, target!, actions, expires, proof, delegated);
    }

    /// <summary>The proof's <c>capabilityChain</c> array (checked for shape by the chain reader).</summary>
    internal JsonArray CapabilityChain =>
        DelegationProof?["capabilityChain"] as JsonArray ?? throw new CapabilityException(CapabilityErrorCodes.ChainBroken, $"The delegation proof of '{Id}' has no 'capabilityChain' array.");

    private static JsonObject SingleProof(JsonObject json, string id)
    {
        var node = json["proof"];
        var proofs = node switch
        {
            JsonObject o => [o],
            JsonArray a => a.Select(p => p as JsonObject ?? throw Malformed($"A proof of '{id}' is not an object.")).ToList(),
            null => throw Malformed($"Delegated capability '{id}' has no proof."),
            _ => throw Malformed($"The proof of '{id}' must be an object."),
        };
        var delegation = proofs.Where(p => String(p, "proofPurpose") == ZcapVocabulary.DelegationPurpose).ToList();
        if (delegation.Count == 0 && proofs.Count > 0)
            throw new CapabilityException(CapabilityErrorCodes.WrongPurpose, $"The proof of delegated capability '{id}' does not have proofPurpose '{ZcapVocabulary.DelegationPurpose}'.");
        if (delegation.Count != 1) throw Malformed($"Delegated capability '{id}' must have exactly one delegation proof.");
        return delegation[0];
    }

    private static IReadOnlyList<string> ReadControllers(JsonObject json, string id)
    {
        var node = json["controller"];
        var list = node switch
        {
            JsonValue => [AsString(node) ?? ""],
            JsonArray a => a.Select(AsString).Select(s => s ?? "").ToList(),
            _ => [],
        };
        if (list.Count == 0 || list.Any(s => !s.Contains(':'))) throw Malformed($"Capability '{id}' needs a 'controller' (an absolute URI or an array of them).");
        return list;
    }

    private static IReadOnlyList<string>? Actions(JsonObject json, string id, int max)
    {
        if (!json.TryGetPropertyValue("allowedAction", out var node)) return null;
        List<string?> list = node switch
        {
            JsonValue => [AsString(node)],
            JsonArray a => a.Select(AsString).ToList(),
            _ => [null],
        };
        if (list.Count == 0 || list.Count > max || list.Any(string.IsNullOrEmpty))
            throw Malformed($"'allowedAction' of '{id}' must be a string or a non-empty array of at most {max} strings.");
        return list!;
    }

    internal static string? String(JsonObject obj, string name) => obj.TryGetPropertyValue(name, out var node) ? AsString(node) : null;

    private static string? AsString(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static CapabilityException Malformed(string message) => new(CapabilityErrorCodes.Malformed, message);
}
