using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harmony.Cli;

/// <summary>Results go to stdout as JSON; human messages go to stderr.</summary>
internal static class CliOutput
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Json(object value) => Console.Out.WriteLine(value is JsonNode node ? node.ToJsonString(Options) : JsonSerializer.Serialize(value, Options));

    public static void Message(string text) => Console.Error.WriteLine(text);
}
