using System.Text.Json.Nodes;
using Harmony.Core.Credentials.DataIntegrity;
using Harmony.Core.Crypto;
using Harmony.Core.Did;

namespace Harmony.Core.Credentials;

/// <summary>
/// Issues VC Data Model 2.0 credentials secured with a DataIntegrityProof (eddsa-jcs-2022) by the issuer's did:key,
/// proof purpose <c>assertionMethod</c>.
/// </summary>
public static class CredentialIssuer
{
    /// <summary>
    /// Checks <paramref name="credential"/> (VC 2.0 context first, type VerifiableCredential, issuer equal to the DID of
    /// <paramref name="issuerKey"/>, credentialSubject, well-formed dates, no proof yet) and returns a signed copy; the
    /// input is not modified. Throws <see cref="CredentialException"/> (<c>vc.malformed</c>, <c>vc.issuer_mismatch</c>,
    /// <c>vc.too_large</c>).
    /// </summary>
    public static JsonObject Issue(JsonObject credential, Ed25519KeyPair issuerKey, IssueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(issuerKey);
        options ??= IssueOptions.Default;
        CredentialJson.CheckLimits(credential, options.Limits);
        if (credential.ContainsKey("proof"))
            throw new CredentialException(CredentialErrorCodes.Malformed, "The credential already has a proof.");
        var shape = CredentialShape.Read(credential);
        var did = DidKey.FromEd25519(issuerKey.PublicKey);
        if (shape.Issuer != did.Did)
            throw new CredentialException(CredentialErrorCodes.IssuerMismatch, $"The issuer '{shape.Issuer}' is not the signing key's DID {did.Did}.");
        return EddsaJcs2022.Sign(credential, ProofOptionsFor(did, VcConstants.AssertionMethod, options.Created ?? options.Time.GetUtcNow(), options.ProofExpires), issuerKey);
    }

    /// <summary>Proof options shared by credentials, presentations and revocations (whole-second <c>created</c>).</summary>
    internal static ProofOptions ProofOptionsFor(DidKey signer, string purpose, DateTimeOffset created, DateTimeOffset? expires) =>
        new(signer.VerificationMethodId, purpose, TruncateToSeconds(created)) { Expires = expires };

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
