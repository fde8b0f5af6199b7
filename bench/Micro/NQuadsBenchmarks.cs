using System.Text;
using BenchmarkDotNet.Attributes;
using Harmony.Core.Rdf;
using Harmony.Core.Rdf.Vocabulary;

namespace Harmony.Bench.Micro;

/// <summary>
/// N-Quads reading and writing on a generated ~5 MB document shaped like a Harmony export (envelope IRIs, DIDs,
/// integers, base64 ciphertext, some escaped and language-tagged text, named graphs). Throughput in MB/s is
/// <see cref="DocumentBytes"/> divided by the mean time (the size is printed at setup).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class NQuadsBenchmarks
{
    private const int TargetBytes = 5 * 1024 * 1024;
    private byte[] _document = [];
    private List<Quad> _quads = [];

    /// <summary>Size of the generated document in bytes.</summary>
    public int DocumentBytes => _document.Length;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var text = new StringBuilder(TargetBytes + 4096);
        var quads = new List<Quad>();
        var graph = new Iri("urn:harmony:community:c1");
        for (var i = 0; text.Length < TargetBytes; i++)
        {
            var envelope = new Iri($"urn:harmony:envelope:{i:x8}");
            var author = new Iri($"did:key:z6Mk{random.Next():x8}{random.Next(0, 16):x}");
            var ciphertext = new byte[random.Next(64, 256)];
            random.NextBytes(ciphertext);
            quads.Add(new Quad(envelope, RdfVocabulary.Type, HarmonyClasses.Envelope, graph));
            quads.Add(new Quad(envelope, HarmonyProperties.Author, author, graph));
            quads.Add(new Quad(envelope, HarmonyProperties.Lamport, Literal.Integer(i), graph));
            quads.Add(new Quad(envelope, HarmonyProperties.Ciphertext, Literal.Base64(ciphertext), graph));
            quads.Add(new Quad(new BlankNode($"b{i % 97}"), HarmonyProperties.Name, Literal.LangString($"Général \"{i}\"\n\tnouveau", "fr-CA"), graph));
            quads.Add(new Quad(envelope, HarmonyProperties.Channel, new Iri("urn:harmony:channel:general")));
            foreach (var quad in quads.Skip(quads.Count - 6)) text.Append(quad).Append('\n');
        }
        _document = Encoding.UTF8.GetBytes(text.ToString());
        _quads = quads;
        Console.WriteLine($"// N-Quads document: {_document.Length} bytes, {_quads.Count} quads");
    }

    [Benchmark(Description = "Read ~5 MB N-Quads")]
    public int Read()
    {
        using var stream = new MemoryStream(_document, writable: false);
        var count = 0;
        foreach (var _ in NQuadsReader.Read(stream)) count++;
        return count;
    }

    [Benchmark(Description = "Write ~5 MB N-Quads")]
    public long Write()
    {
        using var stream = new MemoryStream(_document.Length + 1024);
        NQuadsWriter.Write(stream, _quads);
        return stream.Length;
    }
}
