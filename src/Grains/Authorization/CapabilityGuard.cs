using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;

namespace Harmony.Grains.Authorization;

/// <summary>
/// One grain activation's ZCAP checks against its community: root controlled by the owner, root target the community
/// target, revocations from the activation's <see cref="PolicyRevocationList"/> (consulted on every check). Chains are
/// cached silo-wide by <see cref="VerifiedChainCache"/>; expiry and revocation are re-checked on every call.
/// </summary>
internal sealed class CapabilityGuard
{
    private readonly CapabilityVerifier _verifier;
    private readonly PolicyRevocationList _revocations = new();
    private readonly HarmonyGrainOptions _options;

    public CapabilityGuard(HarmonyGrainOptions options, TimeProvider time, INonceStore nonces, VerifiedChainCache cache)
    {
        _options = options;
        _verifier = new CapabilityVerifier(options.Capabilities, _revocations, nonces, time, cache);
    }

    /// <summary>Installs the community's current revocation list.</summary>
    public void SetRevoked(IEnumerable<string> revoked) => _revocations.Replace(revoked);

    /// <summary>Verifies a signed invocation of <paramref name="action"/> on <paramref name="target"/>; returns it and its document.</summary>
    public async Task<(VerifiedInvocation Invocation, JsonObject Document)> VerifyInvocationAsync(
        string? invocationJson, string action, string target, string rootController, string rootTarget)
    {
        var document = JsonText.ParseObject(invocationJson, _options, "invocation");
        try
        {
            var verified = await _verifier.VerifyInvocationAsync(document, new InvocationExpectation(action, target, rootController) { RootTarget = rootTarget });
            return (verified, document);
        }
        catch (CapabilityException e)
        {
            throw Refusals.From(e);
        }
    }

    /// <summary>
    /// Checks that <paramref name="holder"/> holds a capability for <paramref name="action"/> on <paramref name="target"/>:
    /// <paramref name="capability"/> is a delegated capability's JSON, or null for the root (held by the owner only).
    /// Used when the caller's own signature is elsewhere (the envelope's) or vouched for by the gateway (a session).
    /// </summary>
    public async Task<VerifiedChain> VerifyHeldAsync(
        JsonObject? capability, string holder, string action, string target, string rootController, string rootTarget)
    {
        VerifiedChain chain;
        if (capability is null)
        {
            if (!string.Equals(holder, rootController, StringComparison.Ordinal))
                throw Refusals.CapabilityInvalid($"Only the owner holds the root capability of '{rootTarget}'.");
            chain = new VerifiedChain(InvocationTarget.RootCapabilityId(rootTarget), rootController, rootTarget, []);
        }
        else
        {
            try { chain = await _verifier.VerifyCapabilityAsync(capability, rootController, rootTarget); }
            catch (CapabilityException e) { throw Refusals.From(e); }
        }
        if (!chain.Controllers.Any(c => ControllerIs(c, holder)))
            throw Refusals.CapabilityInvalid($"'{holder}' does not control the capability.");
        if (chain.Tail is { } tail && !tail.Allows(action))
            throw Refusals.CapabilityInvalid($"Capability '{tail.Id}' does not allow action '{action}'.");
        if (!InvocationTarget.IsWithin(target, chain.InvocationTarget, _options.Capabilities.AllowTargetAttenuation))
            throw Refusals.CapabilityInvalid($"Target '{target}' is not within the capability's target '{chain.InvocationTarget}'.");
        return chain;
    }

    /// <summary>Verifies a delegated capability's chain to the root controlled by <paramref name="rootController"/>.</summary>
    public async Task<VerifiedChain> VerifyChainAsync(JsonObject capability, string rootController, string rootTarget)
    {
        try { return await _verifier.VerifyCapabilityAsync(capability, rootController, rootTarget); }
        catch (CapabilityException e) { throw Refusals.From(e); }
    }

    /// <summary>Parses delegated capability JSON text.</summary>
    public JsonObject ParseCapability(string? json) => JsonText.ParseObject(json, _options, "capability");

    /// <summary>A controller entry is the DID itself or one of its verification methods (<c>did#key</c>).</summary>
    public static bool ControllerIs(string controller, string did) =>
        string.Equals(controller, did, StringComparison.Ordinal)
        || (controller.Length > did.Length && controller[did.Length] == '#' && controller.StartsWith(did, StringComparison.Ordinal));
}
