using Harmony.Core.Crypto.Bip39;
using Harmony.Core.Tests.Crypto;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Crypto.Bip39;

public sealed class MnemonicTests(ITestOutputHelper output)
{
    private const string Abandon12 = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    /// <summary>All 24 Trezor English vectors (passphrase "TREZOR"): entropy → words, words → entropy, words → seed.</summary>
    [Fact]
    public void Trezor_english_vectors()
    {
        using var doc = Vectors.Json("bip39", "vectors.json");
        var tally = new VectorTally("bip39/vectors.json (english)", output);
        var i = 0;
        foreach (var v in doc.RootElement.GetProperty("english").EnumerateArray())
        {
            i++;
            var entropy = Vectors.Hex(v[0].GetString()!);
            var phrase = v[1].GetString()!;
            var seed = v[2].GetString()!;
            var generated = Mnemonic.FromEntropy(entropy);
            var parsed = Mnemonic.Parse(phrase);
            using var back = parsed.ToEntropy();
            using var derived = parsed.ToSeed("TREZOR");
            var ok = generated.ToPhrase() == phrase && back.Span.SequenceEqual(entropy) && Convert.ToHexStringLower(derived.Span) == seed;
            tally.Check(ok, $"vector {i}", $"phrase ok={generated.ToPhrase() == phrase}, seed ok={Convert.ToHexStringLower(derived.Span) == seed}");
        }
        tally.AssertAllPassed(24);
    }

    [Fact]
    public void Wrong_word_count_is_refused()
    {
        Assert.Equal("bip39.word_count", Assert.Throws<Bip39Exception>(() => Mnemonic.Parse("abandon abandon abandon")).Code);
        Assert.Equal("bip39.word_count", Assert.Throws<Bip39Exception>(() => Mnemonic.Parse("")).Code);
        Assert.Equal("bip39.word_count", Assert.Throws<Bip39Exception>(() => Mnemonic.Parse(Abandon12 + " abandon")).Code);
        Assert.Equal("bip39.too_long", Assert.Throws<Bip39Exception>(() => Mnemonic.Parse(Abandon12 + new string(' ', Mnemonic.MaxPhraseLength))).Code);
    }

    [Fact]
    public void Unknown_word_is_refused_without_echoing_it()
    {
        var e = Assert.Throws<Bip39Exception>(() => Mnemonic.Parse(Abandon12.Replace("about", "aboutt", StringComparison.Ordinal)));
        Assert.Equal("bip39.unknown_word", e.Code);
        Assert.Contains("12", e.Message);
        Assert.DoesNotContain("aboutt", e.Message);
    }

    [Fact]
    public void Bad_checksum_is_refused()
    {
        // "abandon" × 12 has all-zero entropy, whose checksum selects "about", not "abandon".
        var e = Assert.Throws<Bip39Exception>(() => Mnemonic.Parse(string.Join(' ', Enumerable.Repeat("abandon", 12))));
        Assert.Equal("bip39.checksum", e.Code);
        Assert.Equal("bip39.checksum", Assert.Throws<Bip39Exception>(() => Mnemonic.Parse(Abandon12.Replace("about", "above", StringComparison.Ordinal))).Code);
    }

    [Fact]
    public void Entropy_length_is_checked()
    {
        Assert.Equal("bip39.entropy_length", Assert.Throws<Bip39Exception>(() => Mnemonic.FromEntropy(new byte[15])).Code);
        Assert.Equal("bip39.entropy_length", Assert.Throws<Bip39Exception>(() => Mnemonic.FromEntropy(new byte[17])).Code);
        Assert.Equal("bip39.entropy_length", Assert.Throws<Bip39Exception>(() => Mnemonic.FromEntropy(new byte[36])).Code);
        Assert.Equal("bip39.word_count", Assert.Throws<Bip39Exception>(() => Mnemonic.Generate(13)).Code);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(15)]
    [InlineData(18)]
    [InlineData(21)]
    [InlineData(24)]
    public void Generated_mnemonics_round_trip(int words)
    {
        var m = Mnemonic.Generate(words);
        Assert.Equal(words, m.WordCount);
        Assert.Equal(words, m.ToPhrase().Split(' ').Length);
        using var e1 = m.ToEntropy();
        using var e2 = Mnemonic.Parse(m.ToPhrase()).ToEntropy();
        Assert.True(e1.Equals(e2));
        Assert.Equal(words * 11 * 32 / 33 / 8, e1.Length);
    }

    [Fact]
    public void Whitespace_case_and_normalization_are_tolerated()
    {
        var messy = "  ABANDON abandon\tabandon abandon abandon abandon\nabandon abandon abandon abandon abandon   about ";
        Assert.Equal(Abandon12, Mnemonic.Parse(messy).ToPhrase());
    }

    /// <summary>The passphrase is NFKD-normalized: a composed and a decomposed "é" give the same seed.</summary>
    [Fact]
    public void Passphrase_is_nfkd_normalized()
    {
        var m = Mnemonic.Parse(Abandon12);
        using var composed = m.ToSeed("caf\u00e9");
        using var decomposed = m.ToSeed("cafe\u0301");
        using var plain = m.ToSeed("cafe");
        Assert.True(composed.Equals(decomposed));
        Assert.False(composed.Equals(plain));
    }

    [Fact]
    public void Embedded_word_list_is_the_published_one()
    {
        var published = Vectors.Text("bip39", "english.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(published, Bip39Wordlist.Words);
    }

    [Fact]
    public void ToString_hides_the_words()
    {
        var text = Mnemonic.Parse(Abandon12).ToString();
        Assert.DoesNotContain("abandon", text);
        Assert.Contains("12 words", text);
    }
}
