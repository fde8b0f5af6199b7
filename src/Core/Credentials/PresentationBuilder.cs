using System.Text.Json.Nodes;
using Harmony.Core.Credentials.DataIntegrity;
using Harmony.Core.Crypto;
using Harmony.Core.Did;

namespace Harmony.Core.Credentials;

/// <summary>
/// Builds VC 2.0 VerifiablePresentations signed by the holder's did:key (eddsa-jcs-2022, purpose
/// <c>authentication</c>), bound to a verifier's <c>challenge</c> and <c>domain</c> so they cannot be replayed elsewhere.
/// </summary>
public static class PresentationBuilder
{
    /// <summary>
    /// Presents <paramref name="credentials"/> (already secured) as <paramref name="holderKey"/>'s DID. The challenge and
    /// domain are required (<see cref="ArgumentException"/> when empty).
    /// </summary>
    public static JsonObject Present(IEnumerable<JsonObject> credentials, Ed25519KeyPair holderKey, string challenge, string domain, PresentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(holderKey);
        ArgumentException.ThrowIfNullOrEmpty(challenge);
        ArgumentException.ThrowIfNullOrEmpty(domain);
        options ??= PresentOptions.Default;
        var list = credentials.ToList();
        if (list.Count > options.Limits.MaxCredentialsPerPresentation)
            throw new CredentialException(CredentialErrorCodes.TooLarge, $"A presentation carries at most {options.Limits.MaxCredentialsPerPresentation} credentials.");
        var holder = DidKey.FromEd25519(holderKey.PublicKey);
        var presentation = new JsonObject { ["@context"] = new JsonArray(VcConstants.ContextV2) };
        if (options.Id is not null) presentation["id"] = options.Id;
        presentation["type"] = new JsonArray(VcConstants.PresentationType);
        presentation["holder"] = holder.Did;
        presentation["verifiableCredential"] = new JsonArray([.. list.Select(c => c.DeepClone())]);
        CredentialJson.CheckLimits(presentation, options.Limits);
        var proofOptions = CredentialIssuer.ProofOptionsFor(holder, VcConstants.Authentication, options.Created ?? options.Time.GetUtcNow(), options.ProofExpires)
            with { Challenge = challenge, Domain = domain };
        return EddsaJcs2022.Sign(presentation, proofOptions, holderKey);
    }
}
