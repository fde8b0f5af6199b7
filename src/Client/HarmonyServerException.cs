using System.Text.Json;
using Harmony.Core.Errors;

namespace Harmony.Client;

/// <summary>
/// The server refused a request: <see cref="HarmonyException.Code"/> is one of the protocol's error codes
/// (<c>Harmony.Core.Protocol.ErrorCodes</c>), <see cref="RetryAfter"/> is set for <c>RateLimited</c> and <c>SlowMode</c>.
/// </summary>
public sealed class HarmonyServerException(string code, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : HarmonyException(code, message, inner)
{
    /// <summary>When the request may be retried.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Parses the error JSON <c>{code, message, retryAfterMs}</c> found in <paramref name="text"/> (from its first '{'); null when there is none.</summary>
    public static HarmonyServerException? TryParse(string? text, Exception? inner = null)
    {
        var start = text?.IndexOf('{') ?? -1;
        if (start < 0) return null;
        try
        {
            using var document = JsonDocument.Parse(text![start..]);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String) return null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
            TimeSpan? retry = root.TryGetProperty("retryAfterMs", out var r) && r.TryGetInt64(out var ms) ? TimeSpan.FromMilliseconds(ms) : null;
            return new HarmonyServerException(code.GetString()!, message, retry, inner);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
