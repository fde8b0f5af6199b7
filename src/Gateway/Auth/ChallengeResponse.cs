namespace Harmony.Gateway.Auth;

/// <summary>Answer of <c>POST /api/auth/challenge</c>.</summary>
/// <param name="Nonce">base64url of 32 random bytes, single-use.</param>
/// <param name="ExpiresAt">When the nonce stops being accepted.</param>
public sealed record ChallengeResponse(string Nonce, DateTimeOffset ExpiresAt);
