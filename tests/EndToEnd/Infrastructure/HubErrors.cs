using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>Reads the typed error (docs/protocol.md §4.6) of a refused hub call.</summary>
public static class HubErrors
{
    /// <summary>Runs <paramref name="call"/>, which must be refused, and returns the error's code and retry hint.</summary>
    public static async Task<(string Code, long? RetryAfterMs)> CodeOf(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<HubException>(call);
        return Parse(e);
    }

    /// <summary>The code and retry hint of a hub refusal.</summary>
    public static (string Code, long? RetryAfterMs) Parse(HubException e)
    {
        // The .NET client prefixes the server's message with its own text: the JSON starts at the first '{'.
        var start = e.Message.IndexOf('{');
        Assert.True(start >= 0, "The refusal is not a typed error: " + e.Message);
        using var document = JsonDocument.Parse(e.Message[start..]);
        var root = document.RootElement;
        return (root.GetProperty("code").GetString()!, root.TryGetProperty("retryAfterMs", out var r) ? r.GetInt64() : null);
    }
}
