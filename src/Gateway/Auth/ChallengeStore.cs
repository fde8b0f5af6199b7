using System.Collections.Concurrent;
using System.Security.Cryptography;
using Harmony.Core.Encoding;
using Harmony.Core.Protocol;
using Harmony.Gateway.Hosting;

namespace Harmony.Gateway.Auth;

/// <summary>
/// Outstanding login nonces: random 32 bytes, bound to the DID that asked, single-use and short-lived. The store is
/// bounded: expired nonces are swept when it fills up, and when it is still full new challenges are refused.
/// </summary>
public sealed class ChallengeStore(HarmonyGatewayOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PendingChallenge> _pending = new(StringComparer.Ordinal);

    /// <summary>Outstanding nonces (expired ones included until swept).</summary>
    public int Count => _pending.Count;

    /// <summary>Issues a nonce for <paramref name="did"/>.</summary>
    /// <exception cref="ProtocolException"><c>RateLimited</c> when the store is full of live nonces.</exception>
    public (string Nonce, DateTimeOffset ExpiresAt) Issue(string did)
    {
        var now = time.GetUtcNow();
        if (_pending.Count >= options.MaxPendingChallenges)
        {
            foreach (var (key, value) in _pending)
                if (value.ExpiresAt <= now) _pending.TryRemove(key, out _);
            if (_pending.Count >= options.MaxPendingChallenges)
                throw new ProtocolException(ErrorCodes.RateLimited, "Too many outstanding login challenges.", options.ChallengeLifetime);
        }
        var nonce = Base64Url.Encode(RandomNumberGenerator.GetBytes(32));
        var expiresAt = now + options.ChallengeLifetime;
        _pending[nonce] = new PendingChallenge(did, expiresAt);
        return (nonce, expiresAt);
    }

    /// <summary>
    /// Removes <paramref name="nonce"/> (whatever the outcome, so a nonce is never tried twice) and checks it was issued
    /// to <paramref name="did"/> and has not expired.
    /// </summary>
    /// <exception cref="ProtocolException"><c>Unauthorized</c> for an unknown, used, expired or foreign nonce.</exception>
    public void Consume(string did, string nonce)
    {
        if (!_pending.TryRemove(nonce, out var challenge))
            throw new ProtocolException(ErrorCodes.Unauthorized, "Unknown or already used challenge nonce.");
        if (challenge.ExpiresAt <= time.GetUtcNow())
            throw new ProtocolException(ErrorCodes.Unauthorized, "The challenge nonce has expired.");
        if (!string.Equals(challenge.Did, did, StringComparison.Ordinal))
            throw new ProtocolException(ErrorCodes.Unauthorized, "The challenge nonce was issued for another DID.");
    }

    private sealed record PendingChallenge(string Did, DateTimeOffset ExpiresAt);
}
