namespace Harmony.Core.Encoding;

/// <summary>Multibase with the base58btc (<c>z</c>) and base64url-no-pad (<c>u</c>) prefixes, the two Harmony uses.</summary>
public static class Multibase
{
    /// <summary>Encodes as base58btc with the <c>z</c> prefix.</summary>
    public static string EncodeBase58Btc(ReadOnlySpan<byte> data) => "z" + Base58Btc.Encode(data);

    /// <summary>Encodes as base64url without padding with the <c>u</c> prefix.</summary>
    public static string EncodeBase64Url(ReadOnlySpan<byte> data) => "u" + Base64Url.Encode(data);

    /// <summary>Decodes a <c>z</c> or <c>u</c> multibase string.</summary>
    public static byte[] Decode(string text)
    {
        if (string.IsNullOrEmpty(text)) throw new EncodingException("encoding.multibase", "Empty multibase string.");
        return text[0] switch
        {
            'z' => Base58Btc.Decode(text[1..]),
            'u' => Base64Url.Decode(text[1..]),
            _ => throw new EncodingException("encoding.multibase", $"Unsupported multibase prefix '{text[0]}'."),
        };
    }
}
