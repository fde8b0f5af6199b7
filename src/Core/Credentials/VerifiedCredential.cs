using System.Text.Json.Nodes;

namespace Harmony.Core.Credentials;

/// <summary>A credential whose proof, issuer control, validity period and revocation status all checked out.</summary>
/// <param name="Id">The credential's <c>id</c>, if any.</param>
/// <param name="Issuer">The issuer's DID (the signer).</param>
/// <param name="Types">The credential's types.</param>
/// <param name="SubjectIds">The <c>id</c>s of the credential subjects that have one.</param>
/// <param name="ValidFrom">The start of validity, if stated.</param>
/// <param name="ValidUntil">The end of validity, if stated.</param>
/// <param name="ProofCreated">When the proof says it was made, if stated.</param>
/// <param name="Credential">The verified document, proof included (a copy the caller may keep).</param>
public sealed record VerifiedCredential(
    string? Id,
    string Issuer,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> SubjectIds,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    DateTimeOffset? ProofCreated,
    JsonObject Credential);
