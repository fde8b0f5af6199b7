namespace Harmony.Gateway.Auth;

/// <summary>Body of <c>POST /api/auth/challenge</c>.</summary>
/// <param name="Did">The user's Ed25519 did:key.</param>
public sealed record ChallengeRequest(string? Did);
