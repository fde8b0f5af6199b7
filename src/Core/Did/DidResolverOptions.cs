namespace Harmony.Core.Did;

/// <summary>Limits for resolving DIDs from untrusted input.</summary>
/// <param name="MaxDidLength">Longest DID accepted, in characters (an Ed25519 did:key is 56).</param>
public sealed record DidResolverOptions(int MaxDidLength = 128)
{
    /// <summary>The default limits.</summary>
    public static DidResolverOptions Default { get; } = new();
}
