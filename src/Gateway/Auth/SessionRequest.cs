namespace Harmony.Gateway.Auth;

/// <summary>Body of <c>POST /api/auth/session</c>.</summary>
/// <param name="Did">The DID the nonce was issued to.</param>
/// <param name="Nonce">The challenge nonce.</param>
/// <param name="Signature">base64url Ed25519 signature over the auth message.</param>
public sealed record SessionRequest(string? Did, string? Nonce, string? Signature);
