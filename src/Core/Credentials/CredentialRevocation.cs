using System.Text.Json.Nodes;
using Harmony.Core.Credentials.DataIntegrity;
using Harmony.Core.Crypto;
using Harmony.Core.Did;

namespace Harmony.Core.Credentials;

/// <summary>
/// Signed revocation documents: the issuer signs (eddsa-jcs-2022, purpose <c>assertionMethod</c>)
/// <c>{"@context":[VC 2.0], "type":["HarmonyCredentialRevocation"], "issuer": its DID, "credentialId": …, "revoked": time}</c>.
/// A revocation whose signer is not the named issuer is refused (<c>revocation.unauthorized</c>).
/// </summary>
public static class CredentialRevocation
{
    /// <summary>Revokes <paramref name="credential"/>; refused (<c>revocation.unauthorized</c>) unless <paramref name="issuerKey"/> is its issuer's key.</summary>
    public static JsonObject Revoke(JsonObject credential, Ed25519KeyPair issuerKey, IssueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(issuerKey);
        var shape = CredentialShape.Read(credential);
        var id = shape.Id ?? throw new CredentialException(CredentialErrorCodes.RevocationMalformed, "A credential without an 'id' cannot be revoked.");
        var signer = DidKey.FromEd25519(issuerKey.PublicKey).Did;
        if (shape.Issuer != signer)
            throw new CredentialException(CredentialErrorCodes.RevocationUnauthorized, $"Only the issuer {shape.Issuer} can revoke this credential.");
        return Create(id, signer, issuerKey, options);
    }

    /// <summary>
    /// Signs a revocation of <paramref name="credentialId"/> in the name of <paramref name="issuer"/>. Nothing stops
    /// anyone from creating one; <see cref="Verify"/> refuses it unless the signer is <paramref name="issuer"/>.
    /// </summary>
    public static JsonObject Create(string credentialId, string issuer, Ed25519KeyPair signingKey, IssueOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialId);
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentNullException.ThrowIfNull(signingKey);
        options ??= IssueOptions.Default;
        var now = options.Created ?? options.Time.GetUtcNow();
        var document = new JsonObject
        {
            ["@context"] = new JsonArray(VcConstants.ContextV2),
            ["type"] = new JsonArray(VcConstants.RevocationType),
            ["issuer"] = issuer,
            ["credentialId"] = credentialId,
            ["revoked"] = EddsaJcs2022.FormatDate(now),
        };
        var signer = DidKey.FromEd25519(signingKey.PublicKey);
        return EddsaJcs2022.Sign(document, CredentialIssuer.ProofOptionsFor(signer, VcConstants.AssertionMethod, now, options.ProofExpires), signingKey);
    }

    /// <summary>Checks a revocation's shape, that its signer is the issuer it names, and its signature.</summary>
    public static RevocationEntry Verify(JsonObject revocation, TimeProvider? time = null, CredentialLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(revocation);
        const string code = CredentialErrorCodes.RevocationMalformed;
        CredentialJson.CheckLimits(revocation, limits ?? CredentialLimits.Default);
        JsonMembers.RequireV2Context(revocation, code);
        JsonMembers.RequireType(revocation, VcConstants.RevocationType, code);
        var issuer = JsonMembers.RequiredString(revocation, "issuer", code);
        var credentialId = JsonMembers.RequiredString(revocation, "credentialId", code);
        var revoked = JsonMembers.OptionalDate(revocation, "revoked", code)
            ?? throw new CredentialException(code, "'revoked' is required.");
        ProofChecker.Verify(revocation, VcConstants.AssertionMethod, issuer, ProofErrorCodes.Revocation, (time ?? TimeProvider.System).GetUtcNow(), TimeSpan.Zero);
        return new RevocationEntry(issuer, credentialId, revoked);
    }
}
