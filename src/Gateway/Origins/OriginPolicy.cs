using Harmony.Gateway.Hosting;
using Microsoft.AspNetCore.Http;

namespace Harmony.Gateway.Origins;

/// <summary>
/// Which browser origins may use the auth endpoints and the hub, and which origin a login signature must name.
/// Allowed: the gateway's own origin (as the request reached it), the configured public origin, the configured
/// list, and (by default) requests without an Origin header, which browsers always send cross-origin.
/// </summary>
public sealed class OriginPolicy(HarmonyGatewayOptions options)
{
    private readonly HashSet<string> _allowed = new(
        options.AllowedOrigins.Select(Normalize).Concat(options.PublicOrigin is { Length: > 0 } p ? [Normalize(p)] : []),
        StringComparer.Ordinal);

    /// <summary>Whether the request's Origin is acceptable.</summary>
    public bool IsAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return options.AllowMissingOrigin;
        var normalized = Normalize(origin);
        return normalized == OwnOrigin(request) || _allowed.Contains(normalized);
    }

    /// <summary>The origin a login signature must name: the Origin header, else the public origin, else the request's own.</summary>
    public string SigningOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0) return Normalize(origin);
        return options.PublicOrigin is { Length: > 0 } p ? Normalize(p) : OwnOrigin(request);
    }

    private static string OwnOrigin(HttpRequest request) => Normalize(request.Scheme + "://" + request.Host.Value);

    /// <summary>Lower-cases and drops default ports and trailing slashes, so equal origins compare equal.</summary>
    public static string Normalize(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : origin.Trim().ToLowerInvariant();
}
