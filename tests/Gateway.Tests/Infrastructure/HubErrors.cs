using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Harmony.Gateway.Tests.Infrastructure;

/// <summary>Parses the error JSON of a hub refusal.</summary>
public static class HubErrors
{
    public static async Task<(string Code, string Message, long? RetryAfterMs)> CodeOf(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<HubException>(call);
        // The client prefixes the server's message with SignalR's own text; the JSON starts at the first '{'.
        var json = e.Message[e.Message.IndexOf('{')..];
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return (root.GetProperty("code").GetString()!, root.GetProperty("message").GetString()!,
            root.TryGetProperty("retryAfterMs", out var r) ? r.GetInt64() : null);
    }
}
