namespace Harmony.Gateway.Auth;

/// <summary>Body of <c>POST /api/auth/challenge</c>.</summary>
/// <param name="Did">The user's Ed25519 did:key.</param>
public sealed record ChallengeRequest(string? Did);

/// <summary>Answer of <c>POST /api/auth/challenge</c>.</summary>
/// <param name="Nonce">base64url of 32 random bytes, single-use.</param>
/// <param name="ExpiresAt">When the nonce stops being accepted.</param>
public sealed record ChallengeResponse(string Nonce, DateTimeOffset ExpiresAt);

/// <summary>Body of <c>POST /api/auth/session</c>.</summary>
/// <param name="Did">The DID the nonce was issued to.</param>
/// <param name="Nonce">The challenge nonce.</param>
/// <param name="Signature">base64url Ed25519 signature over the auth message.</param>
public sealed record SessionRequest(string? Did, string? Nonce, string? Signature);

/// <summary>Answer of <c>POST /api/auth/session</c>.</summary>
/// <param name="Token">The session token.</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="Did">The authenticated DID.</param>
/// <param name="Instance">The instance's did:key (the token's issuer).</param>
public sealed record SessionResponse(string Token, DateTimeOffset ExpiresAt, string Did, string Instance);
