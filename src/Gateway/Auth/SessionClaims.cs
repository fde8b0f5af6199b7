using System.Text.Json.Serialization;

namespace Harmony.Gateway.Auth;

/// <summary>The payload of a session token (docs/protocol.md §4.2). Times are Unix seconds.</summary>
/// <param name="Issuer">The instance's did:key (<c>iss</c>).</param>
/// <param name="Subject">The authenticated user's did:key (<c>sub</c>).</param>
/// <param name="IssuedAt">Issue time (<c>iat</c>).</param>
/// <param name="ExpiresAt">Expiry time (<c>exp</c>).</param>
/// <param name="TokenId">A random token id (<c>jti</c>).</param>
public sealed record SessionClaims(
    [property: JsonPropertyName("iss")] string Issuer,
    [property: JsonPropertyName("sub")] string Subject,
    [property: JsonPropertyName("iat")] long IssuedAt,
    [property: JsonPropertyName("exp")] long ExpiresAt,
    [property: JsonPropertyName("jti")] string TokenId);
