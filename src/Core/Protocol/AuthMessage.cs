namespace Harmony.Core.Protocol;

/// <summary>
/// The login challenge message a client signs (docs/protocol.md §4.1): the UTF-8 bytes of
/// <c>"harmony-auth-v1\n" + origin + "\n" + did + "\n" + nonce</c>, where origin is <c>scheme://host[:port]</c> of the
/// server as the client reached it (the browser's Origin), did the client's did:key and nonce the challenge's
/// base64url nonce. Naming the origin stops a site from relaying another site's challenge.
/// </summary>
public static class AuthMessage
{
    /// <summary>The domain-separation prefix.</summary>
    public const string Prefix = "harmony-auth-v1";

    /// <summary>The bytes to sign for a challenge.</summary>
    public static byte[] SigningBytes(string origin, string did, string nonce)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(did);
        ArgumentNullException.ThrowIfNull(nonce);
        if (origin.Contains('\n') || did.Contains('\n') || nonce.Contains('\n'))
            throw new ProtocolException(ErrorCodes.BadRequest, "Auth message fields must not contain line breaks.");
        return System.Text.Encoding.UTF8.GetBytes(Prefix + "\n" + origin + "\n" + did + "\n" + nonce);
    }

    /// <summary>The origin (<c>scheme://host[:port]</c>, default ports omitted, lower case) of <paramref name="uri"/>.</summary>
    public static string OriginOf(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }
}
