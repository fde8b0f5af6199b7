using System.Text.Json;

namespace Harmony.Core.Tests;

/// <summary>Locates the public test vectors copied beside the test binaries (see tests/vectors/SOURCES.md).</summary>
internal static class Vectors
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "vectors");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Text(params string[] parts) => File.ReadAllText(PathOf(parts));

    public static JsonDocument Json(params string[] parts) => JsonDocument.Parse(File.ReadAllBytes(PathOf(parts)));

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
