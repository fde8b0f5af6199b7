namespace Harmony.Gateway.Auth;

/// <summary>Answer of <c>POST /api/auth/session</c>.</summary>
/// <param name="Token">The session token.</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="Did">The authenticated DID.</param>
/// <param name="Instance">The instance's did:key (the token's issuer).</param>
public sealed record SessionResponse(string Token, DateTimeOffset ExpiresAt, string Did, string Instance)
{
    /// <summary>Describes the session without its token (a bearer secret).</summary>
    public override string ToString() => $"SessionResponse({Did}, expires {ExpiresAt:O})";
}
