namespace Harmony.Core.Credentials;

/// <summary>A verified revocation: <paramref name="Issuer"/> (who signed it) revoked its credential <paramref name="CredentialId"/>.</summary>
/// <param name="Issuer">The issuer's DID, proven by the revocation's signature.</param>
/// <param name="CredentialId">The revoked credential's <c>id</c>.</param>
/// <param name="Revoked">When the issuer says it revoked it.</param>
public sealed record RevocationEntry(string Issuer, string CredentialId, DateTimeOffset Revoked);
