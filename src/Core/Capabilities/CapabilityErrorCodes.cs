namespace Harmony.Core.Capabilities;

/// <summary>The stable error codes of <see cref="CapabilityException"/>.</summary>
public static class CapabilityErrorCodes
{
    /// <summary>The JSON does not follow the ZCAP data model (missing or mistyped members, bad dates, relative URIs).</summary>
    public const string Malformed = "zcap.malformed";

    /// <summary>A delegation proof's signature does not verify.</summary>
    public const string Signature = "zcap.signature";

    /// <summary>The invocation's signature does not verify: the invoked request or its proof was altered.</summary>
    public const string Tampered = "zcap.tampered";

    /// <summary>A delegation was signed by a key that does not belong to the parent capability's controller.</summary>
    public const string WrongSigner = "zcap.wrong_signer";

    /// <summary>The invocation was signed by a key that does not belong to the invoked capability's controller.</summary>
    public const string WrongInvoker = "zcap.wrong_invoker";

    /// <summary>A proof has the wrong <c>proofPurpose</c> for its place (delegation vs invocation).</summary>
    public const string WrongPurpose = "zcap.wrong_purpose";

    /// <summary>A verification method is not an Ed25519 <c>did:key</c> verification method.</summary>
    public const string VerificationMethod = "zcap.verification_method";

    /// <summary>A delegation allows an action its parent does not.</summary>
    public const string ActionWidened = "zcap.action_widened";

    /// <summary>A delegation's invocation target is not equal to or beneath its parent's.</summary>
    public const string TargetWidened = "zcap.target_widened";

    /// <summary>A delegated capability has no <c>expires</c>.</summary>
    public const string ExpiresMissing = "zcap.expires_missing";

    /// <summary>A delegation expires later than its parent.</summary>
    public const string ExpiryExtended = "zcap.expiry_extended";

    /// <summary>A capability in the chain has expired.</summary>
    public const string Expired = "zcap.expired";

    /// <summary>A delegation proof was created before its parent's delegation proof.</summary>
    public const string DelegatedBeforeParent = "zcap.delegated_before_parent";

    /// <summary>A capability in the chain has been revoked.</summary>
    public const string Revoked = "zcap.revoked";

    /// <summary>The chain is longer than the configured maximum.</summary>
    public const string ChainTooLong = "zcap.chain_too_long";

    /// <summary><c>parentCapability</c> and <c>capabilityChain</c> disagree, or the chain has the wrong shape or a cycle.</summary>
    public const string ChainBroken = "zcap.chain_broken";

    /// <summary>The chain's root is not the expected root (another community's root, or a malformed root id).</summary>
    public const string RootMismatch = "zcap.root_mismatch";

    /// <summary>The invocation's <c>capabilityAction</c> is not the action the verifier expects.</summary>
    public const string ActionMismatch = "zcap.action_mismatch";

    /// <summary>The invoked capability does not allow the invocation's action.</summary>
    public const string ActionNotAllowed = "zcap.action_not_allowed";

    /// <summary>The invocation's <c>invocationTarget</c> is not the target the verifier expects.</summary>
    public const string TargetMismatch = "zcap.target_mismatch";

    /// <summary>The invocation's target is not equal to or beneath the invoked capability's target.</summary>
    public const string TargetNotAllowed = "zcap.target_not_allowed";

    /// <summary>The invocation's <c>created</c> is outside the allowed clock-skew window around the verifier's clock.</summary>
    public const string ClockSkew = "zcap.clock_skew";

    /// <summary>The invocation claims to be created before the invoked capability was delegated.</summary>
    public const string InvokedBeforeDelegation = "zcap.invoked_before_delegation";

    /// <summary>The invocation has no <c>nonce</c> (or one that is too long).</summary>
    public const string NonceMissing = "zcap.nonce_missing";

    /// <summary>The invocation's nonce was already used by the same invoker.</summary>
    public const string Replay = "zcap.replay";

    /// <summary>
    /// A capability carries a <c>caveat</c>. Caveats are not interpreted here, and ignoring one would grant more than
    /// its delegator meant, so such capabilities are refused.
    /// </summary>
    public const string UnsupportedCaveat = "zcap.unsupported_caveat";

    /// <summary>The replay cache is full; the invocation is refused rather than accepted unchecked.</summary>
    public const string ReplayCacheFull = "zcap.replay_cache_full";
}
