using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harmony.Cli;

/// <summary>Results go to stdout as JSON (or text for people); human messages go to stderr.</summary>
internal static class CliOutput
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    // Chat output carries people's text (quotes, emoji, accents): keep it readable instead of \uXXXX-escaped. Safe
    // on a terminal and in files; the HTML-oriented escaping of the default encoder has no use here.
    private static readonly JsonSerializerOptions ReadableOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions LineOptions = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="value"/> as indented JSON to stdout.</summary>
    public static void Json(object value) => Console.Out.WriteLine(value is JsonNode node ? node.ToJsonString(Options) : JsonSerializer.Serialize(value, Options));

    /// <summary>Writes <paramref name="node"/> as indented JSON to stdout without escaping non-ASCII text (chat output).</summary>
    public static void Readable(JsonNode node) => Console.Out.WriteLine(node.ToJsonString(ReadableOptions));

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
