namespace Harmony.Core.Did;

/// <summary>
/// Offline DID resolution. Harmony resolves only did:key, whose document follows from the DID itself; every other
/// method is refused rather than fetched.
/// </summary>
public static class DidResolver
{
    /// <summary>
    /// Resolves <paramref name="did"/> to its document. Throws <see cref="DidException"/>: <c>did.malformed</c> (empty,
    /// too long, not a DID, a DID URL, bad base58, wrong key length), <c>did.unsupported_method</c> (not did:key),
    /// <c>did.unsupported_key</c> (a codec other than Ed25519 or X25519), <c>did.invalid_key</c> (an Ed25519 key that is not a canonical point of the prime-order subgroup).
    /// </summary>
    public static DidDocument Resolve(string did, DidResolverOptions? options = null)
    {
        options ??= DidResolverOptions.Default;
        if (string.IsNullOrEmpty(did)) throw new DidException("did.malformed", "The DID is empty.");
        if (did.Length > options.MaxDidLength)
            throw new DidException("did.malformed", $"The DID is longer than {options.MaxDidLength} characters.");
        if (did.IndexOfAny(['#', '?', '/']) >= 0)
            throw new DidException("did.malformed", "Resolve takes a DID, not a DID URL with a path, query or fragment.");
        return DidDocument.FromDidKey(DidKey.Parse(did));
    }
}
