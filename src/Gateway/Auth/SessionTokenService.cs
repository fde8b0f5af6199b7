using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Harmony.Core.Encoding;
using Harmony.Core.Protocol;
using Harmony.Gateway.Hosting;
using Harmony.Gateway.Identity;

namespace Harmony.Gateway.Auth;

/// <summary>
/// Issues and verifies session tokens: <c>base64url(payload JSON) "." base64url(Ed25519 signature)</c>, the signature
/// by the instance key over the UTF-8 bytes of <c>"harmony-session-v1." + base64url(payload JSON)</c>.
/// </summary>
public sealed class SessionTokenService(IInstanceIdentity identity, HarmonyGatewayOptions options, TimeProvider time)
{
    /// <summary>The domain prefix of the signed bytes.</summary>
    public const string SigningPrefix = "harmony-session-v1.";

    /// <summary>Longest token accepted, in characters (a token is far smaller; this bounds parsing work).</summary>
    public const int MaxTokenLength = 4096;

    /// <summary>Issues a token for <paramref name="did"/>.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(string did)
    {
        var now = time.GetUtcNow();
        var expires = now + options.SessionLifetime;
        var claims = new SessionClaims(identity.Did, did, now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds(), Base64Url.Encode(RandomNumberGenerator.GetBytes(16)));
        var payload = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = identity.Sign(Encoding.UTF8.GetBytes(SigningPrefix + payload));
        return (payload + "." + Base64Url.Encode(signature), DateTimeOffset.FromUnixTimeSeconds(claims.ExpiresAt));
    }

    /// <summary>Verifies <paramref name="token"/>: shape, signature by this instance, issuer and expiry.</summary>
    /// <exception cref="ProtocolException"><c>Unauthorized</c> for any invalid token.</exception>
    public SessionClaims Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) throw Invalid("missing or too long");
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot != token.LastIndexOf('.')) throw Invalid("not two parts");
        var payload = token[..dot];
        byte[] signature, json;
        try
        {
            signature = Base64Url.Decode(token[(dot + 1)..]);
            json = Base64Url.Decode(payload);
        }
        catch (EncodingException) { throw Invalid("not base64url"); }
        if (!identity.Verify(Encoding.UTF8.GetBytes(SigningPrefix + payload), signature)) throw Invalid("bad signature");
        SessionClaims? claims;
        try { claims = JsonSerializer.Deserialize<SessionClaims>(json); }
        catch (JsonException) { throw Invalid("bad payload"); }
        if (claims is null || claims.Issuer != identity.Did || string.IsNullOrEmpty(claims.Subject)) throw Invalid("wrong issuer");
        if (claims.ExpiresAt <= time.GetUtcNow().ToUnixTimeSeconds()) throw new ProtocolException(ErrorCodes.Unauthorized, "The session has expired.");
        return claims;
    }

    private static ProtocolException Invalid(string why) => new(ErrorCodes.Unauthorized, $"Invalid session token ({why}).");
}
