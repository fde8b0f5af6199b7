using System.Text.RegularExpressions;
using Harmony.Core.Errors;

namespace Harmony.Cli.Chat;

/// <summary>A server the user talks to: a short local name and its base URL.</summary>
internal sealed partial record ServerEntry(string Name, Uri Url)
{
    /// <summary>Longest server name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Checks <paramref name="url"/> is an absolute http(s) URL and returns it with a trailing slash; <c>cli.server.url</c> otherwise.</summary>
    public static Uri ParseUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            throw new HarmonyException("cli.server.url", $"'{url}' is not a server URL: give an absolute http:// or https:// URL without query, fragment or credentials.");
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }

    /// <summary>Checks a user-chosen name (also a folder name under the home's <c>data/</c>); <c>cli.server.name</c> otherwise.</summary>
    public static string CheckName(string name)
    {
        if (!NamePattern().IsMatch(name) || name is "." or "..")
            throw new HarmonyException("cli.server.name", $"'{name}' is not a server name: use 1–{MaxNameLength} of A-Z a-z 0-9 . _ -.");
        return name;
    }

    /// <summary>The name given to <paramref name="url"/> when the user picks none: its host, and its port when explicit.</summary>
    public static string DefaultName(Uri url)
    {
        var host = InvalidNameChars().Replace(url.Host, "-").Trim('-');
        var cleaned = url.IsDefaultPort ? host : $"{host}-{url.Port}".TrimStart('-');
        if (cleaned.Length > MaxNameLength) cleaned = cleaned[..MaxNameLength];
        return cleaned.Length == 0 ? "server" : cleaned;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex InvalidNameChars();
}
