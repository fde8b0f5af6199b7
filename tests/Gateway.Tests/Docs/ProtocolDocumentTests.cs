using System.Reflection;
using System.Text.RegularExpressions;
using Harmony.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace Harmony.Gateway.Tests.Docs;

public sealed partial class ProtocolDocumentTests
{
    [Fact]
    public void The_protocol_document_lists_exactly_the_hub_methods()
    {
        var hubMethods = typeof(HarmonyHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(HarmonyHub))
            .Select(m => m.GetCustomAttribute<HubMethodNameAttribute>()?.Name ?? m.Name)
            .ToHashSet(StringComparer.Ordinal);

        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "protocol.md"));
        var start = text.IndexOf("### 4.4 Hub methods", StringComparison.Ordinal);
        var end = text.IndexOf("### 4.5", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "protocol.md has no §4.4");
        var documented = MethodHeading().Matches(text[start..end]).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(documented.Count, documented.Distinct().Count());
        Assert.Empty(hubMethods.Except(documented).Order());
        Assert.Empty(documented.Except(hubMethods).Order());
        Assert.True(hubMethods.Count >= 30, $"only {hubMethods.Count} hub methods found");
    }

    [Fact]
    public void The_protocol_document_lists_every_event()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "protocol.md"));
        foreach (var name in new[] { HubEvents.Envelope, HubEvents.Typing, HubEvents.Presence })
            Assert.Contains($"| `{name}` |", text);
    }

    [GeneratedRegex(@"^#### `([^`(]+)\(", RegexOptions.Multiline)]
    private static partial Regex MethodHeading();
}
