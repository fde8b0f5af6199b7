namespace Harmony.Core.Capabilities;

/// <summary>The fixed strings of the ZCAP data model (w3c-ccg zcap-spec, as @digitalbazaar/zcap uses them).</summary>
public static class ZcapVocabulary
{
    /// <summary>The ZCAP JSON-LD context; a root capability's only context and the first of a delegated one's.</summary>
    public const string ContextUrl = "https://w3id.org/zcap/v1";

    /// <summary>The Data Integrity v2 context, added to delegated capabilities so <c>DataIntegrityProof</c> is defined.</summary>
    public const string DataIntegrityContextUrl = "https://w3id.org/security/data-integrity/v2";

    /// <summary>Prefix of a root capability id; the rest is <c>encodeURIComponent(invocationTarget)</c>.</summary>
    public const string RootIdPrefix = "urn:zcap:root:";

    /// <summary>Proof purpose of a delegation proof.</summary>
    public const string DelegationPurpose = "capabilityDelegation";

    /// <summary>Proof purpose of an invocation proof.</summary>
    public const string InvocationPurpose = "capabilityInvocation";
}
