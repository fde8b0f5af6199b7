using Harmony.Core.Errors;
using Harmony.Core.Rdf;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Rdf;

/// <summary>The W3C RDF 1.1 N-Quads syntax suite (tests/vectors/rdf-n-quads), every entry of its manifest.</summary>
public sealed class NQuadsW3cSuiteTests(ITestOutputHelper output)
{
    private const string Suite = "rdf-n-quads";

    private static IReadOnlyList<W3cManifest.Entry> Entries(string type) =>
        [.. W3cManifest.Read(Vectors.Text(Suite, "manifest.ttl")).Where(e => e.Type == type)];

    [Fact]
    public void Manifest_lists_53_positive_and_34_negative_tests_whose_files_exist()
    {
        var text = Vectors.Text(Suite, "manifest.ttl");
        var entries = W3cManifest.Read(text);
        Assert.Equal(53, entries.Count(e => e.Type == "TestNQuadsPositiveSyntax"));
        Assert.Equal(34, entries.Count(e => e.Type == "TestNQuadsNegativeSyntax"));
        Assert.Equal(W3cManifest.ListedEntries(text).Order(StringComparer.Ordinal), entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.True(File.Exists(Vectors.PathOf(Suite, e.Action)), e.Action));
    }

    [Fact]
    public void Every_positive_test_parses_and_round_trips()
    {
        var entries = Entries("TestNQuadsPositiveSyntax");
        var failures = new List<string>();
        foreach (var entry in entries)
        {
            try
            {
                using var stream = File.OpenRead(Vectors.PathOf(Suite, entry.Action));
                var quads = NQuadsReader.Read(stream).ToList();
                var written = NQuadsWriter.Serialize(quads);
                var reread = NQuadsReader.Parse(written);
                if (!reread.SequenceEqual(quads)) failures.Add($"{entry.Name}: re-reading the written form gave other quads");
                else if (NQuadsWriter.Serialize(reread) != written) failures.Add($"{entry.Name}: writing is not stable");
            }
            catch (HarmonyException e)
            {
                failures.Add($"{entry.Name}: {e.Message}");
            }
        }
        output.WriteLine($"positive: {entries.Count - failures.Count}/{entries.Count} passed");
        Assert.Equal(53, entries.Count);
        Assert.Empty(failures);
    }

    [Fact]
    public void Every_negative_test_is_rejected_at_the_offending_line()
    {
        var entries = Entries("TestNQuadsNegativeSyntax");
        var failures = new List<string>();
        foreach (var entry in entries)
        {
            var path = Vectors.PathOf(Suite, entry.Action);
            // Each negative file holds comments and exactly one bad statement, on its last non-blank line.
            var lines = File.ReadAllLines(path);
            var badLine = Array.FindLastIndex(lines, l => l.Trim().Length > 0) + 1;
            try
            {
                using var stream = File.OpenRead(path);
                var quads = NQuadsReader.Read(stream).ToList();
                failures.Add($"{entry.Name}: accepted ({quads.Count} quads)");
            }
            catch (NQuadsSyntaxException e)
            {
                output.WriteLine($"{entry.Name}: {e.Message}");
                if (e.Code != "rdf.syntax") failures.Add($"{entry.Name}: code {e.Code}");
                if (e.Line != badLine) failures.Add($"{entry.Name}: line {e.Line}, expected {badLine}");
                if (e.Column < 1 || e.Column > lines[badLine - 1].Length + 1) failures.Add($"{entry.Name}: column {e.Column} outside the line");
            }
        }
        var failed = failures.Select(f => f[..f.IndexOf(':')]).Distinct().Count();
        output.WriteLine($"negative: {entries.Count - failed}/{entries.Count} rejected as expected");
        Assert.Equal(34, entries.Count);
        Assert.Empty(failures);
    }
}
