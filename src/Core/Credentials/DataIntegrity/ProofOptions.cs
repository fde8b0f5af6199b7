using System.Text.Json.Nodes;

namespace Harmony.Core.Credentials.DataIntegrity;

/// <summary>
/// The members of a Data Integrity proof other than <c>type</c>, <c>cryptosuite</c> and <c>proofValue</c>.
/// </summary>
/// <param name="VerificationMethod">The signing key's verification method id (e.g. <c>did:key:z…#z…</c>).</param>
/// <param name="ProofPurpose">assertionMethod, authentication, capabilityDelegation, capabilityInvocation, ...</param>
/// <param name="Created">Creation time, written as UTC ISO 8601 with seconds; null leaves it out.</param>
public sealed record ProofOptions(string VerificationMethod, string ProofPurpose, DateTimeOffset? Created)
{
    /// <summary>Presentation challenge.</summary>
    public string? Challenge { get; init; }

    /// <summary>Presentation domain.</summary>
    public string? Domain { get; init; }

    /// <summary>Nonce (replay protection).</summary>
    public string? Nonce { get; init; }

    /// <summary>Proof expiry.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>
    /// The proof's <c>@context</c>. Null copies the document's <c>@context</c> (what the eddsa-jcs-2022 spec does);
    /// use <see cref="OmitContext"/> to leave it out.
    /// </summary>
    public JsonNode? Context { get; init; }

    /// <summary>Leave <c>@context</c> out of the proof even if the document has one.</summary>
    public bool OmitContext { get; init; }

    /// <summary>Extra proof members (e.g. ZCAP's <c>capability</c>, <c>capabilityAction</c>, <c>capabilityChain</c>).</summary>
    public JsonObject? Extra { get; init; }
}
