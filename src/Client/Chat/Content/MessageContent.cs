using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harmony.Client.Chat.Content;

/// <summary>
/// What travels inside the MLS ciphertext, as the web client writes it (src/Web/src/chat/content.ts): UTF-8 JSON
/// <c>{"text": …}</c> for messages and edits, <c>{"emoji": …}</c> for reactions, <c>{}</c> for deletes.
/// </summary>
/// <param name="Text">Message or edit text.</param>
/// <param name="Emoji">Reaction emoji.</param>
public sealed record MessageContent(
    [property: JsonPropertyName("text"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text = null,
    [property: JsonPropertyName("emoji"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Emoji = null)
{
    /// <summary>The UTF-8 JSON bytes.</summary>
    public byte[] Encode() => JsonSerializer.SerializeToUtf8Bytes(this);

    /// <summary>Reads content JSON; members of other types are ignored, as the web client does.</summary>
    /// <exception cref="HarmonyClientException"><c>client.chat.content</c> when it is not a JSON object.</exception>
    public static MessageContent Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw Bad();
            return new MessageContent(StringMember(document.RootElement, "text"), StringMember(document.RootElement, "emoji"));
        }
        catch (JsonException e) { throw Bad(e); }
    }

    private static string? StringMember(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static HarmonyClientException Bad(Exception? inner = null) => new("client.chat.content", "The decrypted content is not a JSON object.", inner);
}
