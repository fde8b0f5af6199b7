using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Harmony.Core.Credentials.DataIntegrity;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Encoding;

namespace Harmony.Core.Capabilities;

/// <summary>
/// Creates root capabilities, delegations and invocations in the layout of @digitalbazaar/zcap, signed with
/// eddsa-jcs-2022 by an Ed25519 did:key. Refuses to produce anything a verifier would reject for its shape or
/// attenuation (so mistakes surface at the delegator, not later at the server).
/// </summary>
public static class CapabilityIssuer
{
    /// <summary>The root capability of <paramref name="invocationTarget"/>, controlled by <paramref name="controller"/> (unsigned: trust comes from its controller).</summary>
    public static JsonObject CreateRoot(string invocationTarget, string controller)
    {
        ArgumentNullException.ThrowIfNull(invocationTarget);
        RequireAbsolute(controller, "controller");
        return new JsonObject
        {
            ["@context"] = ZcapVocabulary.ContextUrl,
            ["id"] = InvocationTarget.RootCapabilityId(invocationTarget),
            ["controller"] = controller,
            ["invocationTarget"] = invocationTarget,
        };
    }

    /// <summary>
    /// Delegates <paramref name="parent"/> (a root or delegated capability JSON) as <paramref name="request"/> says,
    /// signed by <paramref name="signer"/>, who must control the parent.
    /// </summary>
    public static JsonObject Delegate(JsonObject parent, DelegationRequest request, Ed25519KeyPair signer, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signer);
        var parentCap = Capability.Parse(parent);
        var signerKey = DidKey.FromEd25519(signer.PublicKey);
        if (!parentCap.Controllers.Contains(signerKey.Did) && !parentCap.Controllers.Contains(signerKey.VerificationMethodId))
            throw new CapabilityException(CapabilityErrorCodes.WrongSigner, $"'{signerKey.Did}' does not control '{parentCap.Id}' and cannot delegate it.");
        RequireAbsolute(request.Controller, "controller");
        if (!InvocationTarget.IsValid(request.InvocationTarget)) throw Malformed("The invocation target must be an absolute URI without dot segments.");
        if (!InvocationTarget.IsWithin(request.InvocationTarget, parentCap.InvocationTarget))
            throw new CapabilityException(CapabilityErrorCodes.TargetWidened, $"'{request.InvocationTarget}' is not within the parent's target '{parentCap.InvocationTarget}'.");
        var actions = request.AllowedActions ?? parentCap.AllowedActions;
        if (actions is { Count: 0 } || actions?.Any(string.IsNullOrEmpty) == true) throw Malformed("allowedAction must be non-empty strings.");
        if (parentCap.AllowedActions is { } pa && actions!.Any(a => !pa.Contains(a, StringComparer.Ordinal)))
            throw new CapabilityException(CapabilityErrorCodes.ActionWidened, "A delegation cannot allow actions its parent does not.");
        if (parentCap.Expires is { } pe && request.Expires > pe)
            throw new CapabilityException(CapabilityErrorCodes.ExpiryExtended, "A delegation cannot expire after its parent.");
        var created = request.Created ?? (time ?? TimeProvider.System).GetUtcNow();
        if (created > request.Expires) throw new CapabilityException(CapabilityErrorCodes.Expired, "Cannot delegate a capability that has already expired.");
        if (parentCap.Delegated is { } pd && created < pd)
            throw new CapabilityException(CapabilityErrorCodes.DelegatedBeforeParent, "A delegation cannot be created before its parent's.");

        var document = new JsonObject
        {
            ["@context"] = new JsonArray(ZcapVocabulary.ContextUrl, ZcapVocabulary.DataIntegrityContextUrl),
            ["id"] = request.Id ?? "urn:uuid:" + Guid.NewGuid().ToString("D"),
            ["parentCapability"] = parentCap.Id,
            ["invocationTarget"] = request.InvocationTarget,
            ["controller"] = request.Controller,
        };
        if (actions is not null) document["allowedAction"] = new JsonArray([.. actions.Select(a => (JsonNode?)JsonValue.Create(a))]);
        document["expires"] = XsdDateTime.Format(request.Expires);
        var options = new ProofOptions(signerKey.VerificationMethodId, ZcapVocabulary.DelegationPurpose, created)
        {
            Extra = new JsonObject { ["capabilityChain"] = ChainFor(parentCap) },
        };
        return EddsaJcs2022.Sign(document, options, signer);
    }

    /// <summary>
    /// Signs <paramref name="document"/> as an invocation of <paramref name="capability"/> (a root or delegated
    /// capability JSON) by <paramref name="signer"/>, who must control it. A document without <c>@context</c> gets the
    /// ZCAP and Data Integrity contexts; one with an <c>@context</c> must include the ZCAP context.
    /// </summary>
    public static JsonObject Invoke(JsonObject document, JsonObject capability, InvocationRequest request, Ed25519KeyPair signer, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(capability);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signer);
        var cap = Capability.Parse(capability);
        var signerKey = DidKey.FromEd25519(signer.PublicKey);
        if (!cap.Controllers.Contains(signerKey.Did) && !cap.Controllers.Contains(signerKey.VerificationMethodId))
            throw new CapabilityException(CapabilityErrorCodes.WrongInvoker, $"'{signerKey.Did}' does not control '{cap.Id}' and cannot invoke it.");
        if (string.IsNullOrEmpty(request.Action)) throw Malformed("The action must not be empty.");
        if (!cap.Allows(request.Action)) throw new CapabilityException(CapabilityErrorCodes.ActionNotAllowed, $"'{cap.Id}' does not allow '{request.Action}'.");
        if (!InvocationTarget.IsValid(request.Target)) throw Malformed("The invocation target must be an absolute URI without dot segments.");
        if (!InvocationTarget.IsWithin(request.Target, cap.InvocationTarget))
            throw new CapabilityException(CapabilityErrorCodes.TargetNotAllowed, $"'{request.Target}' is not within the capability's target '{cap.InvocationTarget}'.");
        if (document.ContainsKey("proof")) throw Malformed("The document to invoke with already has a proof.");

        var unsecured = (JsonObject)document.DeepClone();
        if (!unsecured.ContainsKey("@context"))
        {
            var copy = new JsonObject { ["@context"] = new JsonArray(ZcapVocabulary.ContextUrl, ZcapVocabulary.DataIntegrityContextUrl) };
            foreach (var (name, value) in unsecured) copy[name] = value?.DeepClone();
            unsecured = copy;
        }
        else if (!HasZcapContext(unsecured["@context"]))
            throw Malformed($"The invocation document's @context must include '{ZcapVocabulary.ContextUrl}'.");

        var nonce = request.Nonce ?? Base64Url.Encode(RandomNumberGenerator.GetBytes(16));
        var options = new ProofOptions(signerKey.VerificationMethodId, ZcapVocabulary.InvocationPurpose, request.Created ?? (time ?? TimeProvider.System).GetUtcNow())
        {
            Nonce = nonce,
            Extra = new JsonObject
            {
                // A root is referenced by id, a delegated capability is embedded with its whole chain.
                ["capability"] = cap.IsRoot ? JsonValue.Create(cap.Id) : capability.DeepClone(),
                ["invocationTarget"] = request.Target,
                ["capabilityAction"] = request.Action,
            },
        };
        return EddsaJcs2022.Sign(unsecured, options, signer);
    }

    /// <summary>The <c>capabilityChain</c> of a child of <paramref name="parent"/>: ancestor ids, root first, the parent itself embedded when delegated.</summary>
    private static JsonArray ChainFor(Capability parent)
    {
        if (parent.IsRoot) return [parent.Id];
        var chain = parent.CapabilityChain;
        var result = new JsonArray();
        for (var i = 0; i < chain.Count; i++)
        {
            var entry = chain[i];
            var id = entry is JsonObject o ? Capability.String(o, "id") : entry is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (id is null) throw new CapabilityException(CapabilityErrorCodes.ChainBroken, $"The capabilityChain of '{parent.Id}' has an entry without an id.");
            result.Add(id);
        }
        result.Add(parent.Json.DeepClone());
        return result;
    }

    private static bool HasZcapContext(JsonNode? context) => context switch
    {
        JsonValue v => v.TryGetValue<string>(out var s) && s == ZcapVocabulary.ContextUrl,
        JsonArray a => a.Any(c => c is JsonValue cv && cv.TryGetValue<string>(out var s) && s == ZcapVocabulary.ContextUrl),
        _ => false,
    };

    private static void RequireAbsolute(string? value, string name)
    {
        if (string.IsNullOrEmpty(value) || !value.Contains(':')) throw Malformed($"The {name} must be an absolute URI (e.g. a DID).");
    }

    private static CapabilityException Malformed(string message) => new(CapabilityErrorCodes.Malformed, message);
}
