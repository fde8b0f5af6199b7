using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Did;
using Harmony.Core.Protocol;

namespace Harmony.Gateway.Hubs;

/// <summary>
/// Reads the signer of a ZCAP invocation so the hub can require it to be the session's DID before a grain verifies
/// the signature itself. The gateway only compares identities here; the grains do the cryptography.
/// </summary>
public static class InvocationInspector
{
    /// <summary>Requires <paramref name="invocation"/> to be a JSON object within <paramref name="maxBytes"/> whose proof's verificationMethod belongs to <paramref name="did"/>.</summary>
    /// <exception cref="ProtocolException"><c>BadRequest</c>, <c>TooLarge</c> or <c>Unauthorized</c>.</exception>
    public static void RequireInvoker(string? invocation, string did, int maxBytes)
    {
        RequireSize(invocation, maxBytes, "invocation");
        JsonObject? document;
        try { document = JsonNode.Parse(invocation!, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) as JsonObject; }
        catch (JsonException) { throw new ProtocolException(ErrorCodes.BadRequest, "The invocation is not valid JSON."); }
        var method = document?["proof"] is JsonObject proof && proof["verificationMethod"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var signer = method is null ? null : method.Split('#')[0];
        if (signer is null || !DidKey.TryParse(signer, out _, out _))
            throw new ProtocolException(ErrorCodes.BadRequest, "The invocation needs a proof with a did:key verificationMethod.");
        if (!string.Equals(signer, did, StringComparison.Ordinal))
            throw new ProtocolException(ErrorCodes.Unauthorized, "The invocation is not signed by the session's DID.");
    }

    /// <summary>Requires a non-empty text within <paramref name="maxBytes"/> UTF-8 bytes.</summary>
    /// <exception cref="ProtocolException"><c>BadRequest</c> or <c>TooLarge</c>.</exception>
    public static void RequireSize(string? text, int maxBytes, string what)
    {
        if (string.IsNullOrEmpty(text)) throw new ProtocolException(ErrorCodes.BadRequest, $"The {what} is missing.");
        if (text.Length > maxBytes || Encoding.UTF8.GetByteCount(text) > maxBytes)
            throw new ProtocolException(ErrorCodes.TooLarge, $"The {what} exceeds {maxBytes} bytes.");
    }
}
