using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harmony.Core.Credentials;

/// <summary>
/// Strict parsing and limit checks for credential-shaped JSON: duplicate member names are refused (two parsers could
/// otherwise read two different documents from one text), and size and depth are bounded by <see cref="CredentialLimits"/>.
/// </summary>
public static class CredentialJson
{
    /// <summary>Parses <paramref name="utf8"/> into a JSON object. Throws <see cref="CredentialException"/>:
    /// <c>vc.too_large</c>, <c>vc.json</c> (not JSON), <c>vc.malformed</c> (JSON but not an object).</summary>
    public static JsonObject ParseObject(ReadOnlySpan<byte> utf8, CredentialLimits? limits = null)
    {
        limits ??= CredentialLimits.Default;
        if (utf8.Length > limits.MaxDocumentBytes)
            throw new CredentialException(CredentialErrorCodes.TooLarge, $"The document is larger than {limits.MaxDocumentBytes} bytes.");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = limits.MaxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new CredentialException(CredentialErrorCodes.Json, "The document is not valid JSON: " + e.Message);
        }
        return node as JsonObject ?? throw new CredentialException(CredentialErrorCodes.Malformed, "The document is not a JSON object.");
    }

    /// <summary>Parses JSON text; see <see cref="ParseObject(ReadOnlySpan{byte}, CredentialLimits?)"/>.</summary>
    public static JsonObject ParseObject(string text, CredentialLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ParseObject(System.Text.Encoding.UTF8.GetBytes(text), limits);
    }

    /// <summary>Checks an in-memory document against the depth and size limits (<c>vc.too_large</c>).</summary>
    public static void CheckLimits(JsonNode document, CredentialLimits limits)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(limits);
        // Depth first: it bounds the recursion of the serialisation used to measure the size.
        if (Depth(document, limits.MaxDepth) > limits.MaxDepth)
            throw new CredentialException(CredentialErrorCodes.TooLarge, $"The document is nested deeper than {limits.MaxDepth} levels.");
        var size = JsonSerializer.SerializeToUtf8Bytes(document).Length;
        if (size > limits.MaxDocumentBytes)
            throw new CredentialException(CredentialErrorCodes.TooLarge, $"The document is larger than {limits.MaxDocumentBytes} bytes.");
    }

    private static int Depth(JsonNode? node, int max)
    {
        if (node is not JsonObject and not JsonArray) return 0;
        var children = node is JsonObject obj ? obj.Select(p => p.Value) : node.AsArray();
        var deepest = 0;
        foreach (var child in children)
        {
            deepest = Math.Max(deepest, Depth(child, max));
            if (deepest >= max) break;
        }
        return deepest + 1;
    }
}
