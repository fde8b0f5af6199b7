using System.Net.Sockets;
using Harmony.Core.Errors;

namespace Harmony.Cli.Chat;

/// <summary>The server could not be reached; the CLI exits with <see cref="ExitCodes.Unavailable"/>.</summary>
internal sealed class ServerUnavailableException(Uri server, string reason, Exception? inner = null)
    : HarmonyException("cli.unavailable", $"The server {server} cannot be reached ({reason}). Is it running, and is the URL right?", inner)
{
    /// <summary>Whether <paramref name="e"/> (or what it wraps) means the network or the server is not there.</summary>
    public static bool IsUnreachable(Exception e)
    {
        for (var current = (Exception?)e; current is not null; current = current.InnerException)
        {
            // Not IOException in general: a full disk or a locked file is not the server's absence.
            if (current is HttpRequestException or SocketException or TimeoutException or System.Net.WebSockets.WebSocketException) return true;
        }
        return false;
    }

    /// <summary>A short reason for <paramref name="e"/>, without secrets (socket errors and status codes only).</summary>
    public static string Describe(Exception e)
    {
        for (var current = (Exception?)e; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket) return socket.SocketErrorCode.ToString();
            if (current is HttpRequestException { StatusCode: { } status }) return $"HTTP {(int)status}";
        }
        return e.GetType().Name;
    }
}
