namespace Harmony.Core.Did;

/// <summary>Key types a did:key can carry in Harmony.</summary>
public enum DidKeyType
{
    /// <summary>multicodec 0xed, <c>z6Mk…</c>.</summary>
    Ed25519,

    /// <summary>multicodec 0xec, <c>z6LS…</c>.</summary>
    X25519,
}
