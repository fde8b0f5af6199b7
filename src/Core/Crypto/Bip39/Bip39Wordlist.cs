namespace Harmony.Core.Crypto.Bip39;

/// <summary>The BIP-39 English word list (2048 words), loaded once from the embedded resource.</summary>
internal static class Bip39Wordlist
{
    private const string ResourceName = "Harmony.Core.Crypto.Bip39.english.txt";
    private static readonly Lazy<(string[] Words, Dictionary<string, int> Index)> List = new(Load);

    /// <summary>The words in list order.</summary>
    public static IReadOnlyList<string> Words => List.Value.Words;

    /// <summary>Finds a word's 11-bit index.</summary>
    public static bool TryIndexOf(string word, out int index) => List.Value.Index.TryGetValue(word, out index);

    private static (string[], Dictionary<string, int>) Load()
    {
        using var stream = typeof(Bip39Wordlist).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        var words = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length != 2048) throw new InvalidOperationException($"The BIP-39 word list has {words.Length} words, not 2048.");
        var index = new Dictionary<string, int>(2048, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++) index.Add(words[i], i);
        return (words, index);
    }
}
