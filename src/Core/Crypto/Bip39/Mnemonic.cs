using System.Security.Cryptography;
using System.Text;

namespace Harmony.Core.Crypto.Bip39;

/// <summary>
/// A validated BIP-39 mnemonic (English list): 12, 15, 18, 21 or 24 words encoding 128 to 256 bits of entropy plus a
/// SHA-256 checksum. <see cref="ToString"/> never shows the words; use <see cref="ToPhrase"/> deliberately.
/// </summary>
public sealed class Mnemonic
{
    /// <summary>The word counts BIP-39 defines.</summary>
    public static IReadOnlyList<int> ValidWordCounts { get; } = [12, 15, 18, 21, 24];

    /// <summary>Longest phrase text accepted (24 words of at most 8 letters need 215; the rest is slack for whitespace).</summary>
    public const int MaxPhraseLength = 1024;

    private const int Pbkdf2Iterations = 2048;
    private const int SeedSize = 64;
    private readonly int[] _indices;

    private Mnemonic(int[] indices) => _indices = indices;

    /// <summary>The number of words.</summary>
    public int WordCount => _indices.Length;

    /// <summary>Encodes 16, 20, 24, 28 or 32 bytes of entropy as 12 to 24 words.</summary>
    public static Mnemonic FromEntropy(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length is < 16 or > 32 || entropy.Length % 4 != 0)
            throw new Bip39Exception("bip39.entropy_length", "BIP-39 entropy is 16, 20, 24, 28 or 32 bytes.");
        var checksumBits = entropy.Length / 4;
        var wordCount = (entropy.Length * 8 + checksumBits) / 11;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(entropy, hash);
        var indices = new int[wordCount];
        for (var w = 0; w < wordCount; w++)
        {
            var value = 0;
            for (var b = 0; b < 11; b++)
            {
                var bit = w * 11 + b;
                value = (value << 1) | BitAt(entropy, hash, bit);
            }
            indices[w] = value;
        }
        return new Mnemonic(indices);
    }

    /// <summary>Creates a mnemonic from fresh randomness (24 words by default).</summary>
    public static Mnemonic Generate(int wordCount = 24)
    {
        CheckWordCount(wordCount);
        var entropy = RandomNumberGenerator.GetBytes(wordCount * 11 * 32 / 33 / 8);
        try
        {
            return FromEntropy(entropy);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(entropy);
        }
    }

    /// <summary>
    /// Parses and validates a phrase: NFKD-normalized, split on whitespace, case-insensitive; checks the word count,
    /// that every word is in the list and the checksum. Throws <see cref="Bip39Exception"/>.
    /// Input longer than <see cref="MaxPhraseLength"/> is refused before any processing.
    /// </summary>
    public static Mnemonic Parse(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        if (phrase.Length > MaxPhraseLength)
            throw new Bip39Exception("bip39.too_long", $"A recovery phrase is at most {MaxPhraseLength} characters.");
        var words = phrase.Normalize(NormalizationForm.FormKD).ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        CheckWordCount(words.Length);
        var indices = new int[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            if (!Bip39Wordlist.TryIndexOf(words[i], out indices[i]))
                throw new Bip39Exception("bip39.unknown_word", $"Word {i + 1} is not in the BIP-39 English word list.");
        }
        var mnemonic = new Mnemonic(indices);
        var entropy = mnemonic.ExtractEntropy();
        try
        {
            // Re-encoding the entropy reproduces every word; only the checksum bits in the last word can differ.
            if (FromEntropy(entropy)._indices[^1] != indices[^1])
                throw new Bip39Exception("bip39.checksum", "The mnemonic's checksum does not match: a word is wrong or out of order.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(entropy);
        }
        return mnemonic;
    }

    /// <summary>Returns whether <paramref name="phrase"/> is a valid mnemonic, with the error when it is not.</summary>
    public static bool TryParse(string phrase, out Mnemonic? mnemonic, out Bip39Exception? error)
    {
        try
        {
            mnemonic = Parse(phrase);
            error = null;
            return true;
        }
        catch (Bip39Exception e)
        {
            mnemonic = null;
            error = e;
            return false;
        }
    }

    /// <summary>The words separated by single spaces. This is the secret: show it only to its owner.</summary>
    public string ToPhrase() => string.Join(' ', _indices.Select(i => Bip39Wordlist.Words[i]));

    /// <summary>The entropy the words encode.</summary>
    public SecretBytes ToEntropy() => new(ExtractEntropy());

    /// <summary>
    /// The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512 with the NFKD phrase as password, "mnemonic" + NFKD(passphrase)
    /// as salt, 2048 iterations.
    /// </summary>
    public SecretBytes ToSeed(string passphrase = "")
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        var password = System.Text.Encoding.UTF8.GetBytes(ToPhrase().Normalize(NormalizationForm.FormKD));
        var salt = System.Text.Encoding.UTF8.GetBytes("mnemonic" + passphrase.Normalize(NormalizationForm.FormKD));
        try
        {
            return new SecretBytes(Rfc2898DeriveBytes.Pbkdf2(password, salt, Pbkdf2Iterations, HashAlgorithmName.SHA512, SeedSize));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
            CryptographicOperations.ZeroMemory(salt);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"Mnemonic({WordCount} words, redacted)";

    private static void CheckWordCount(int count)
    {
        if (!ValidWordCounts.Contains(count))
            throw new Bip39Exception("bip39.word_count", $"A BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, not {count}.");
    }

    private static int BitAt(ReadOnlySpan<byte> entropy, ReadOnlySpan<byte> hash, int bit)
    {
        var totalEntropyBits = entropy.Length * 8;
        return bit < totalEntropyBits
            ? (entropy[bit / 8] >> (7 - bit % 8)) & 1
            : (hash[(bit - totalEntropyBits) / 8] >> (7 - (bit - totalEntropyBits) % 8)) & 1;
    }

    private byte[] ExtractEntropy()
    {
        var totalBits = _indices.Length * 11;
        var entropy = new byte[(totalBits - totalBits / 33) / 8];
        for (var bit = 0; bit < entropy.Length * 8; bit++)
        {
            var value = (_indices[bit / 11] >> (10 - bit % 11)) & 1;
            entropy[bit / 8] |= (byte)(value << (7 - bit % 8));
        }
        return entropy;
    }
}
