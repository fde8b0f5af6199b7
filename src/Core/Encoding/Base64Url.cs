namespace Harmony.Core.Encoding;

/// <summary>RFC 4648 §5 base64url without padding; decoding rejects padding and non-alphabet characters.</summary>
public static class Base64Url
{
    /// <summary>Encodes without padding.</summary>
    public static string Encode(ReadOnlySpan<byte> data) => System.Buffers.Text.Base64Url.EncodeToString(data);

    /// <summary>Decodes strictly; throws <see cref="EncodingException"/> on bad input.</summary>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('=') || !System.Buffers.Text.Base64Url.IsValid(text))
            throw new EncodingException("encoding.base64url", "Invalid base64url text.");
        return System.Buffers.Text.Base64Url.DecodeFromChars(text);
    }
}
