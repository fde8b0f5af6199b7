namespace Harmony.Core.Credentials;

/// <summary>Which codes a proof failure is reported with, so credentials, presentations and revocations stay distinct.</summary>
internal sealed record ProofErrorCodes(
    string Malformed,
    string UnsupportedProof,
    string Purpose,
    string Controller,
    string Signature,
    string ProofExpired)
{
    public static ProofErrorCodes Credential { get; } = new(
        CredentialErrorCodes.Malformed, CredentialErrorCodes.UnsupportedProof, CredentialErrorCodes.ProofPurpose,
        CredentialErrorCodes.ControllerMismatch, CredentialErrorCodes.SignatureInvalid, CredentialErrorCodes.ProofExpired);

    public static ProofErrorCodes Presentation { get; } = new(
        CredentialErrorCodes.PresentationMalformed, CredentialErrorCodes.PresentationUnsupportedProof, CredentialErrorCodes.PresentationProofPurpose,
        CredentialErrorCodes.PresentationControllerMismatch, CredentialErrorCodes.PresentationSignatureInvalid, CredentialErrorCodes.PresentationProofExpired);

    public static ProofErrorCodes Revocation { get; } = new(
        CredentialErrorCodes.RevocationMalformed, CredentialErrorCodes.RevocationMalformed, CredentialErrorCodes.RevocationMalformed,
        CredentialErrorCodes.RevocationUnauthorized, CredentialErrorCodes.RevocationSignatureInvalid, CredentialErrorCodes.RevocationMalformed);
}
