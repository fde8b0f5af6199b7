using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harmony.Cli;

/// <summary>Results go to stdout as JSON (or text for people); human messages go to stderr.</summary>
internal static class CliOutput
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly JsonSerializerOptions LineOptions = new() { WriteIndented = false, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes <paramref name="value"/> as indented JSON to stdout.</summary>
    public static void Json(object value) => Console.Out.WriteLine(value is JsonNode node ? node.ToJsonString(Options) : JsonSerializer.Serialize(value, Options));

    /// <summary>Writes <paramref name="node"/> as one line of JSON to stdout and flushes (streams such as tail).</summary>
    public static void JsonLine(JsonNode node)
    {
        Console.Out.WriteLine(node.ToJsonString(LineOptions));
        Console.Out.Flush();
    }

    /// <summary>Writes a result line for people to stdout.</summary>
    public static void Text(string text) => Console.Out.WriteLine(text);

    /// <summary>Writes a message to stderr.</summary>
    public static void Message(string text) => Console.Error.WriteLine(text);
}
