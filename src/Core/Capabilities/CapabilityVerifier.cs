using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Harmony.Core.Credentials.DataIntegrity;
using Harmony.Core.Did;
using Harmony.Core.Errors;

namespace Harmony.Core.Capabilities;

/// <summary>
/// Verifies ZCAP delegation chains and invocations (eddsa-jcs-2022 proofs by Ed25519 did:key verification methods),
/// following the rules of @digitalbazaar/zcap. A chain is walked from the trusted root (controlled by the expected
/// root controller) to the tail; at every link the delegation must be signed by the parent's controller, narrow or
/// keep the parent's actions, target and expiry, and agree with <c>capabilityChain</c>. Verified chains are cached;
/// expiry and revocation are checked on every call, and a nonce is recorded only after everything else has passed.
/// </summary>
public sealed class CapabilityVerifier
{
    private readonly CapabilityVerifierOptions _options;
    private readonly ICapabilityRevocationList _revocations;
    private readonly INonceStore _nonces;
    private readonly TimeProvider _time;
    private readonly VerifiedChainCache _cache;
    private readonly ConcurrentDictionary<string, DidKey> _keys = new(StringComparer.Ordinal);

    /// <summary>Most parsed verification methods kept per verifier.</summary>
    private const int MaxCachedKeys = 10_000;

    /// <summary>Creates a verifier; missing collaborators get in-memory defaults and the system clock.</summary>
    public CapabilityVerifier(
        CapabilityVerifierOptions? options = null,
        ICapabilityRevocationList? revocations = null,
        INonceStore? nonces = null,
        TimeProvider? time = null,
        VerifiedChainCache? cache = null)
    {
        _options = (options ?? new CapabilityVerifierOptions()).Validate();
        _time = time ?? TimeProvider.System;
        _revocations = revocations ?? new InMemoryCapabilityRevocationList();
        _nonces = nonces ?? new InMemoryNonceStore(_time);
        _cache = cache ?? new VerifiedChainCache(_options.ChainCacheCapacity);
    }

    /// <summary>
    /// Verifies a delegated capability's chain up to a root controlled by <paramref name="rootController"/> (and, if
    /// given, the root of <paramref name="rootTarget"/>), then that no capability in it has expired or been revoked.
    /// </summary>
    public async ValueTask<VerifiedChain> VerifyCapabilityAsync(JsonObject capability, string rootController, string? rootTarget = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(capability);
        ArgumentException.ThrowIfNullOrEmpty(rootController);
        var chain = GetOrVerifyChain(capability, rootController, rootTarget, expectedTarget: null);
        await CheckLiveAsync(chain, _time.GetUtcNow(), cancellationToken);
        return chain;
    }

    /// <summary>
    /// Verifies an invocation: a document with a <c>capabilityInvocation</c> proof naming the capability (a root id or
    /// an embedded delegated capability), the action and the target. Throws <see cref="CapabilityException"/> with
    /// the code of the first rule broken.
    /// </summary>
    public async ValueTask<VerifiedInvocation> VerifyInvocationAsync(JsonObject invocation, InvocationExpectation expectation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(expectation);
        var now = _time.GetUtcNow();
        var proof = InvocationProof(invocation);
        RequireZcapContext(proof, "invocation");
        var action = Capability.String(proof, "capabilityAction") ?? throw Malformed("The invocation proof needs a string 'capabilityAction'.");
        var target = Capability.String(proof, "invocationTarget");
        if (!InvocationTarget.IsValid(target)) throw Malformed("The invocation proof needs an absolute 'invocationTarget' without dot segments.");
        if (!XsdDateTime.TryParse(Capability.String(proof, "created"), out var created)) throw Malformed("The invocation proof needs a valid 'created'.");
        var nonce = Capability.String(proof, "nonce");
        if (proof.ContainsKey("nonce") && nonce is null) throw Malformed("The invocation proof's 'nonce' must be a string.");
        if (_options.RequireNonce && (string.IsNullOrEmpty(nonce) || nonce.Length > _options.MaxNonceLength))
            throw new CapabilityException(CapabilityErrorCodes.NonceMissing, $"The invocation proof needs a 'nonce' of 1 to {_options.MaxNonceLength} characters.");
        var (vm, vmId) = VerificationMethod(proof);

        // Checks that need no signature come first, so a misdirected or stale request costs no chain verification.
        if (!string.Equals(action, expectation.Action, StringComparison.Ordinal))
            throw new CapabilityException(CapabilityErrorCodes.ActionMismatch, $"The invocation is for action '{action}', not '{expectation.Action}'.");
        if (!string.Equals(target, expectation.Target, StringComparison.Ordinal))
            throw new CapabilityException(CapabilityErrorCodes.TargetMismatch, $"The invocation targets '{target}', not '{expectation.Target}'.");
        if ((created - now).Duration() > _options.ClockSkew)
            throw new CapabilityException(CapabilityErrorCodes.ClockSkew, "The invocation's 'created' is too far from the verifier's clock.");

        var chain = proof["capability"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var rootId) => RootOnly(rootId, expectation.RootController, expectation.RootTarget, expectation.Target),
            JsonObject embedded => GetOrVerifyChain(embedded, expectation.RootController, expectation.RootTarget, expectation.Target),
            _ => throw Malformed("The invocation proof's 'capability' must be a root capability id or an embedded delegated capability."),
        };

        if (chain.Tail is { } tail && !tail.Allows(action))
            throw new CapabilityException(CapabilityErrorCodes.ActionNotAllowed, $"Capability '{tail.Id}' does not allow action '{action}'.");
        if (!InvocationTarget.IsWithin(target!, chain.InvocationTarget, _options.AllowTargetAttenuation))
            throw new CapabilityException(CapabilityErrorCodes.TargetNotAllowed, $"Target '{target}' is not within the capability's target '{chain.InvocationTarget}'.");
        if (chain.Tail is { } t && created < t.Delegated - _options.ClockSkew)
            throw new CapabilityException(CapabilityErrorCodes.InvokedBeforeDelegation, "The invocation claims to be older than the delegation of its capability.");

        await CheckLiveAsync(chain, now, cancellationToken);

        if (!IsController(chain.Controllers, vm, vmId))
            throw new CapabilityException(CapabilityErrorCodes.WrongInvoker, $"'{vmId}' is not a controller of the invoked capability.");
        if (!VerifySignature(invocation, proof, vm))
            throw new CapabilityException(CapabilityErrorCodes.Tampered, "The invocation's signature does not verify; the request or its proof was altered.");

        if (nonce is not null)
        {
            // Past created + skew the clock-skew check rejects the invocation anyway, so the nonce need not outlive that.
            var keepUntil = created + _options.ClockSkew + TimeSpan.FromSeconds(1);
            if (!await _nonces.TryRecordAsync(vm.Did + "\n" + nonce, keepUntil, cancellationToken))
                throw new CapabilityException(CapabilityErrorCodes.Replay, "This invocation nonce has already been used.");
        }
        return new VerifiedInvocation(vm.Did, vmId, action, target!, created, nonce, chain);
    }

    private VerifiedChain RootOnly(string rootId, string rootController, string? rootTarget, string? expectedTarget)
    {
        var target = ResolveRoot(rootId, rootTarget, expectedTarget);
        return new VerifiedChain(rootId, rootController, target, []);
    }

    private VerifiedChain GetOrVerifyChain(JsonObject capability, string rootController, string? rootTarget, string? expectedTarget)
    {
        var id = Capability.String(capability, "id") ?? throw Malformed("A capability needs a string 'id'.");
        var key = VerifiedChainCache.Key(rootController, id, capability);
        if (_cache.TryGet(key, out var cached))
        {
            // The cached chain proves the signatures; which root this call accepts is still this call's question.
            CheckRoot(cached.RootCapabilityId, cached.RootTarget, rootTarget, expectedTarget);
            return cached;
        }
        var tail = Capability.Parse(capability, _options.MaxAllowedActions);
        if (tail.IsRoot) throw Malformed($"'{tail.Id}' is a root capability; a root is referenced by id, and trusted only through its expected controller.");
        var (rootId, delegated) = CapabilityChainReader.Read(tail, _options.MaxChainLength, _options.MaxAllowedActions);
        var target = ResolveRoot(rootId, rootTarget, expectedTarget);
        var chain = VerifyLinks(rootId, rootController, target, delegated);
        _cache.Add(key, chain);
        return chain;
    }

    /// <summary>Checks the chain's root id against the expected root and returns the root's target.</summary>
    private string ResolveRoot(string rootId, string? rootTarget, string? expectedTarget)
    {
        if (!InvocationTarget.TryParseRootCapabilityId(rootId, out var target))
            throw new CapabilityException(CapabilityErrorCodes.RootMismatch, $"'{rootId}' is not a root capability id (urn:zcap:root: + encodeURIComponent(target)).");
        CheckRoot(rootId, target, rootTarget, expectedTarget);
        return target;
    }

    private void CheckRoot(string rootId, string target, string? rootTarget, string? expectedTarget)
    {
        if (rootTarget is not null && !string.Equals(target, rootTarget, StringComparison.Ordinal))
            throw new CapabilityException(CapabilityErrorCodes.RootMismatch, $"The chain's root is '{rootId}', not the root of '{rootTarget}'.");
        if (expectedTarget is not null && !InvocationTarget.IsWithin(expectedTarget, target, _options.AllowTargetAttenuation))
            throw new CapabilityException(CapabilityErrorCodes.RootMismatch, $"The chain's root '{rootId}' does not cover target '{expectedTarget}'.");
    }

    private VerifiedChain VerifyLinks(string rootId, string rootController, string rootTarget, IReadOnlyList<Capability> delegated)
    {
        var links = new List<VerifiedLink>(delegated.Count);
        IReadOnlyList<string> parentControllers = [rootController];
        IReadOnlyList<string>? parentActions = null;
        var parentTarget = rootTarget;
        DateTimeOffset? parentExpires = null;
        DateTimeOffset? parentDelegated = null;
        foreach (var child in delegated)
        {
            var proof = child.DelegationProof!;
            RequireZcapContext(proof, $"delegation proof of '{child.Id}'");
            var (vm, vmId) = VerificationMethod(proof);
            if (!IsController(parentControllers, vm, vmId))
                throw new CapabilityException(CapabilityErrorCodes.WrongSigner, $"'{child.Id}' was delegated by '{vmId}', who does not control its parent.");
            if (!VerifySignature(child.Json, proof, vm))
                throw new CapabilityException(CapabilityErrorCodes.Signature, $"The delegation proof of '{child.Id}' does not verify.");
            if (parentActions is not null && (child.AllowedActions is null || child.AllowedActions.Any(a => !parentActions.Contains(a, StringComparer.Ordinal))))
                throw new CapabilityException(CapabilityErrorCodes.ActionWidened, $"'{child.Id}' allows actions its parent does not.");
            if (!InvocationTarget.IsWithin(child.InvocationTarget, parentTarget, _options.AllowTargetAttenuation))
                throw new CapabilityException(CapabilityErrorCodes.TargetWidened, $"The target of '{child.Id}' is not within its parent's target '{parentTarget}'.");
            if (child.Expires is not { } expires)
                throw new CapabilityException(CapabilityErrorCodes.ExpiresMissing, $"Delegated capability '{child.Id}' has no 'expires'.");
            if (parentExpires is { } pe && expires > pe)
                throw new CapabilityException(CapabilityErrorCodes.ExpiryExtended, $"'{child.Id}' expires after its parent.");
            if (parentDelegated is { } pd && child.Delegated < pd)
                throw new CapabilityException(CapabilityErrorCodes.DelegatedBeforeParent, $"'{child.Id}' was delegated before its parent.");
            links.Add(new VerifiedLink(child.Id, child.Controllers, child.InvocationTarget, child.AllowedActions, expires, child.Delegated!.Value, vmId));
            parentControllers = child.Controllers;
            parentActions = child.AllowedActions ?? parentActions;
            parentTarget = child.InvocationTarget;
            parentExpires = expires;
            parentDelegated = child.Delegated;
        }
        return new VerifiedChain(rootId, rootController, rootTarget, links);
    }

    private async ValueTask CheckLiveAsync(VerifiedChain chain, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var link in chain.Links)
            if (now > link.Expires)
                throw new CapabilityException(CapabilityErrorCodes.Expired, $"Capability '{link.Id}' expired at {XsdDateTime.Format(link.Expires)}.");
        if (await _revocations.FindRevokedAsync(chain.Ids, cancellationToken) is { } revoked)
            throw new CapabilityException(CapabilityErrorCodes.Revoked, $"Capability '{revoked}' has been revoked.");
    }

    private static JsonObject InvocationProof(JsonObject invocation)
    {
        var proofs = invocation["proof"] switch
        {
            JsonObject o => [o],
            JsonArray a => a.Select(p => p as JsonObject ?? throw Malformed("A proof is not an object.")).ToList(),
            null => throw Malformed("The invocation has no proof."),
            _ => throw Malformed("The invocation's proof must be an object."),
        };
        var matching = proofs.Where(p => Capability.String(p, "proofPurpose") == ZcapVocabulary.InvocationPurpose).ToList();
        if (matching.Count == 0 && proofs.Count > 0)
            throw new CapabilityException(CapabilityErrorCodes.WrongPurpose, $"The invocation's proof does not have proofPurpose '{ZcapVocabulary.InvocationPurpose}'.");
        if (matching.Count != 1) throw Malformed("The invocation must have exactly one capabilityInvocation proof.");
        return matching[0];
    }

    private static void RequireZcapContext(JsonObject proof, string what)
    {
        var ok = proof["@context"] switch
        {
            JsonValue v => v.TryGetValue<string>(out var s) && s == ZcapVocabulary.ContextUrl,
            JsonArray a => a.Any(c => c is JsonValue cv && cv.TryGetValue<string>(out var s) && s == ZcapVocabulary.ContextUrl),
            _ => false,
        };
        if (!ok) throw Malformed($"The {what} must carry the ZCAP context '{ZcapVocabulary.ContextUrl}' in its @context.");
    }

    private (DidKey Key, string VmId) VerificationMethod(JsonObject proof)
    {
        var vmId = Capability.String(proof, "verificationMethod");
        if (vmId is not null && _keys.TryGetValue(vmId, out var known)) return (known, vmId);
        if (vmId is null || !vmId.Contains('#') || !DidKey.TryParse(vmId, out var key, out _) || key!.KeyType != DidKeyType.Ed25519)
            throw new CapabilityException(CapabilityErrorCodes.VerificationMethod, $"'{vmId}' is not an Ed25519 did:key verification method (did:key:z…#z…).");
        // Parsing validates the curve point, which costs a noticeable share of a warm check; the result never changes.
        if (_keys.Count >= MaxCachedKeys) _keys.Clear();
        _keys[vmId] = key;
        return (key, vmId);
    }

    /// <summary>As @digitalbazaar/zcap: a controller entry names either the verification method or its controller (the DID).</summary>
    private static bool IsController(IReadOnlyList<string> controllers, DidKey vm, string vmId)
    {
        foreach (var c in controllers)
            if (string.Equals(c, vm.Did, StringComparison.Ordinal) || string.Equals(c, vmId, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool VerifySignature(JsonObject secured, JsonObject proof, DidKey vm)
    {
        try
        {
            return EddsaJcs2022.VerifySecuredProof(secured, proof, vm.PublicKey);
        }
        catch (HarmonyException e) when (e is not CapabilityException)
        {
            // DataIntegrityException (proof.*) or a JCS limit (jcs.*): the input cannot be checked, so it is refused.
            throw Malformed($"The proof cannot be checked as an eddsa-jcs-2022 DataIntegrityProof [{e.Code}]: {e.Message}");
        }
    }

    private static CapabilityException Malformed(string message) => new(CapabilityErrorCodes.Malformed, message);
}
