using System.Text;

namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Searches files' raw bytes for a text marker in the encodings a careless store could use: UTF-8, UTF-16 (LE and BE),
/// hex (lower and upper case), and base64 / base64url at all three byte alignments.
/// </summary>
public static class PlaintextScanner
{
    /// <summary>Every byte pattern that would reveal <paramref name="marker"/>, with a name for reports.</summary>
    public static IReadOnlyList<(string Encoding, byte[] Pattern)> Patterns(string marker)
    {
        var utf8 = Encoding.UTF8.GetBytes(marker);
        var patterns = new List<(string, byte[])>
        {
            ("utf-8", utf8),
            ("utf-16le", Encoding.Unicode.GetBytes(marker)),
            ("utf-16be", Encoding.BigEndianUnicode.GetBytes(marker)),
            ("hex", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(utf8))),
            ("HEX", Encoding.ASCII.GetBytes(Convert.ToHexString(utf8))),
        };
        for (var shift = 0; shift < 3; shift++)
        {
            // The marker preceded by `shift` unknown bytes: only the base64 characters that depend on marker bytes alone
            // are stable, so drop the first (partial) group and the last two characters.
            var padded = new byte[shift + utf8.Length];
            utf8.CopyTo(padded, shift);
            var base64 = Convert.ToBase64String(padded);
            var start = shift == 0 ? 0 : 4;
            var stable = base64[start..^4];
            patterns.Add(($"base64+{shift}", Encoding.ASCII.GetBytes(stable)));
            patterns.Add(($"base64url+{shift}", Encoding.ASCII.GetBytes(stable.Replace('+', '-').Replace('/', '_'))));
        }
        return patterns;
    }

    /// <summary>Where <paramref name="marker"/> occurs under <paramref name="folder"/>: "file (encoding)" entries, empty when nowhere.</summary>
    public static IReadOnlyList<string> Find(string folder, string marker, out IReadOnlyList<string> scannedFiles)
    {
        var patterns = Patterns(marker);
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        scannedFiles = files;
        var hits = new List<string>();
        foreach (var file in files)
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var memory = new MemoryStream())
            {
                stream.CopyTo(memory);
                bytes = memory.ToArray();
            }
            foreach (var (encoding, pattern) in patterns)
            {
                if (bytes.AsSpan().IndexOf(pattern) >= 0) hits.Add($"{Path.GetRelativePath(folder, file)} ({encoding})");
            }
        }
        return hits;
    }

    /// <summary>Whether the raw <paramref name="pattern"/> occurs in some file under <paramref name="folder"/>.</summary>
    public static bool ContainsBytes(string folder, byte[] pattern) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Any(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray().AsSpan().IndexOf(pattern) >= 0;
        });
}
