using System.Text.Json.Nodes;

namespace Harmony.Core.Credentials;

/// <summary>
/// Where issuers publish revocations and verifiers look them up. Only a revocation signed by the issuer it names is
/// accepted, and a lookup is by (issuer, credential id), so nobody can revoke another issuer's credential.
/// </summary>
public interface IRevocationRegistry
{
    /// <summary>
    /// Verifies a signed revocation (see <see cref="CredentialRevocation"/>) and records it. Throws
    /// <see cref="CredentialException"/> (<c>revocation.*</c>) and records nothing when it is not the issuer's.
    /// </summary>
    RevocationEntry Submit(JsonObject signedRevocation);

    /// <summary>Whether <paramref name="issuer"/> revoked its credential <paramref name="credentialId"/>.</summary>
    bool IsRevoked(string issuer, string credentialId);
}
