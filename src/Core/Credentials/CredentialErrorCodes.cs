namespace Harmony.Core.Credentials;

/// <summary>The stable error codes of <see cref="CredentialException"/>.</summary>
public static class CredentialErrorCodes
{
    /// <summary>The text is not JSON, or not a JSON object.</summary>
    public const string Json = "vc.json";

    /// <summary>A size, depth or count limit of <see cref="CredentialLimits"/> was exceeded.</summary>
    public const string TooLarge = "vc.too_large";

    /// <summary>The credential does not have the VC Data Model 2.0 shape (context, type, issuer, subject, dates, proof).</summary>
    public const string Malformed = "vc.malformed";

    /// <summary>The proof is not a single DataIntegrityProof with the eddsa-jcs-2022 cryptosuite.</summary>
    public const string UnsupportedProof = "vc.unsupported_proof";

    /// <summary>The signature does not verify over the credential.</summary>
    public const string SignatureInvalid = "vc.signature_invalid";

    /// <summary>The verification method is not one the issuer controls (not the issuer's did:key assertion method).</summary>
    public const string ControllerMismatch = "vc.controller_mismatch";

    /// <summary>The proof's purpose is not <c>assertionMethod</c>.</summary>
    public const string ProofPurpose = "vc.proof_purpose";

    /// <summary>The credential's <c>validFrom</c> is in the future.</summary>
    public const string NotYetValid = "vc.not_yet_valid";

    /// <summary>The credential's <c>validUntil</c> has passed.</summary>
    public const string Expired = "vc.expired";

    /// <summary>The proof's own <c>expires</c> has passed.</summary>
    public const string ProofExpired = "vc.proof_expired";

    /// <summary>The issuer revoked the credential.</summary>
    public const string Revoked = "vc.revoked";

    /// <summary>The signing key is not the credential's issuer (raised when issuing).</summary>
    public const string IssuerMismatch = "vc.issuer_mismatch";

    /// <summary>The presentation does not have the VC Data Model 2.0 shape.</summary>
    public const string PresentationMalformed = "vp.malformed";

    /// <summary>The presentation's proof is not a single DataIntegrityProof with eddsa-jcs-2022.</summary>
    public const string PresentationUnsupportedProof = "vp.unsupported_proof";

    /// <summary>The holder's signature does not verify over the presentation.</summary>
    public const string PresentationSignatureInvalid = "vp.signature_invalid";

    /// <summary>The presentation's verification method is not the holder's did:key authentication method.</summary>
    public const string PresentationControllerMismatch = "vp.controller_mismatch";

    /// <summary>The presentation proof's purpose is not <c>authentication</c>.</summary>
    public const string PresentationProofPurpose = "vp.proof_purpose";

    /// <summary>The presentation's challenge is missing or not the expected one.</summary>
    public const string ChallengeMismatch = "vp.challenge_mismatch";

    /// <summary>The presentation's domain is missing or not the expected one.</summary>
    public const string DomainMismatch = "vp.domain_mismatch";

    /// <summary>The presentation proof's <c>expires</c> has passed.</summary>
    public const string PresentationProofExpired = "vp.proof_expired";

    /// <summary>A revocation document does not have the expected shape.</summary>
    public const string RevocationMalformed = "revocation.malformed";

    /// <summary>A revocation is not signed by the issuer it names.</summary>
    public const string RevocationUnauthorized = "revocation.unauthorized";

    /// <summary>A revocation's signature does not verify.</summary>
    public const string RevocationSignatureInvalid = "revocation.signature_invalid";

    /// <summary>The revocation registry is full (see <see cref="InMemoryRevocationRegistry"/>).</summary>
    public const string RevocationCapacity = "revocation.capacity";
}
