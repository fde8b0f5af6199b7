namespace Harmony.Core.Tests.Crypto;

/// <summary>Parses the pyca/cryptography "KEY = value" vector files: blocks started by COUNT.</summary>
internal static class PycaVectors
{
    public static IEnumerable<(int Count, Dictionary<string, string> Fields)> Parse(string text)
    {
        Dictionary<string, string>? current = null;
        var count = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var eq = line.IndexOf('=');
            if (eq < 0) continue;
            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (key == "COUNT")
            {
                if (current is not null) yield return (count, current);
                count = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                current = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (current is not null)
            {
                current[key] = value;
            }
        }
        if (current is not null) yield return (count, current);
    }
}
