using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harmony.Grains.Authorization;

/// <summary>Parses invocation and capability JSON text within the configured size and depth limits.</summary>
internal static class JsonText
{
    public static JsonObject ParseObject(string? text, HarmonyGrainOptions options, string what)
    {
        if (string.IsNullOrEmpty(text)) throw Refusals.BadRequest($"The {what} is missing.");
        if (Encoding.UTF8.GetByteCount(text) > options.MaxInvocationBytes)
            throw Refusals.TooLarge($"The {what} exceeds {options.MaxInvocationBytes} bytes.");
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = options.MaxJsonDepth }) as JsonObject
                ?? throw Refusals.BadRequest($"The {what} must be a JSON object.");
        }
        catch (JsonException)
        {
            throw Refusals.BadRequest($"The {what} is not valid JSON.");
        }
    }

    /// <summary>Requires the invocation document to name <paramref name="expected"/> under <paramref name="member"/>, binding the signature to the call's arguments.</summary>
    public static void RequireMember(JsonObject document, string member, string expected)
    {
        if (document[member] is not JsonValue v || !v.TryGetValue<string>(out var actual) || !string.Equals(actual, expected, StringComparison.Ordinal))
            throw Refusals.CapabilityInvalid($"The invocation does not name this request: its '{member}' must be '{expected}'.");
    }
}
