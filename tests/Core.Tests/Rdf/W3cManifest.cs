using System.Text.RegularExpressions;

namespace Harmony.Core.Tests.Rdf;

/// <summary>
/// Reads the entries of a W3C RDF syntax test manifest (manifest.ttl). Only the shape those manifests use is
/// understood: <c>&lt;#name&gt; a rdft:Type ; ... mf:action &lt;file&gt; ; .</c> blocks, plus the mf:entries list.
/// </summary>
internal static partial class W3cManifest
{
    /// <summary>One test: its name (without '#'), rdft type local name and action file.</summary>
    public sealed record Entry(string Name, string Type, string Action);

    public static IReadOnlyList<Entry> Read(string manifestText)
    {
        var entries = new List<Entry>();
        foreach (Match match in EntryPattern().Matches(manifestText))
        {
            entries.Add(new Entry(match.Groups["name"].Value, match.Groups["type"].Value, match.Groups["action"].Value));
        }
        return entries;
    }

    /// <summary>The names listed in <c>mf:entries ( ... )</c>, in order.</summary>
    public static IReadOnlyList<string> ListedEntries(string manifestText)
    {
        var list = EntriesListPattern().Match(manifestText);
        if (!list.Success) return [];
        return [.. NamePattern().Matches(list.Groups["body"].Value).Select(m => m.Groups["name"].Value)];
    }

    [GeneratedRegex(@"<#(?<name>[^>]+)>\s+a\s+rdft:(?<type>\w+)\s*;.*?mf:action\s+<(?<action>[^>]+)>", RegexOptions.Singleline)]
    private static partial Regex EntryPattern();

    [GeneratedRegex(@"mf:entries\s*\((?<body>[^)]*)\)", RegexOptions.Singleline)]
    private static partial Regex EntriesListPattern();

    [GeneratedRegex(@"<#(?<name>[^>]+)>")]
    private static partial Regex NamePattern();
}
