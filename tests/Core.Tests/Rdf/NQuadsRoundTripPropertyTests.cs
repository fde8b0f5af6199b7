using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Harmony.Core.Rdf;
using Xunit;

namespace Harmony.Core.Tests.Rdf;

/// <summary>FsCheck: any dataset of valid terms survives writing and re-reading, whatever characters it holds.</summary>
public sealed class NQuadsRoundTripPropertyTests
{
    // Every C0 control, DEL, quotes, backslash, '#', '<', '>', spaces, Latin-1, a combining mark, CJK, an emoji (a
    // surrogate pair) and a private-use astral character: the characters escaping and tokenizing can get wrong.
    private static readonly string[] LiteralPieces =
        [.. Enumerable.Range(0, 0x20).Select(c => ((char)c).ToString()), "\u007F", "\"", "'", "\\", "#", "<", ">", " ", "\t", "a", "Z", "é", "\u0301", "漢", "😀", "\U000F0000", "\\u0041", "^^", "@en", " ."];

    private static readonly string[] IriPieces = ["a", "/", "#", "?", "=", "&", "%20", "é", "漢", "😀", ":", "'", "(", ")", "~", "."];

    private static readonly string[] LabelStarts = ["a", "Z", "_", "0", "é", "漢", "😀"];
    private static readonly string[] LabelRest = ["a", "-", "0", ".", "·", "_", "\u0301"];

    private static Gen<string> Concat(string[] pieces, int max) =>
        Gen.Choose(0, max).SelectMany(n => Gen.ListOf(Gen.Elements(pieces), n)).Select(list => string.Concat(list));

    private static Gen<Iri> IriGen { get; } =
        from scheme in Gen.Elements("http://example.org/", "urn:x:", "did:key:z6Mk", "https://harmony.chat/ns#")
        from rest in Concat(IriPieces, 8)
        select new Iri(scheme + rest);

    private static Gen<BlankNode> BlankGen { get; } =
        from start in Gen.Elements(LabelStarts)
        from rest in Concat(LabelRest, 5)
        from end in Gen.Elements("a", "1", "_")
        select new BlankNode(start + rest + end);

    private static Gen<Literal> LiteralGen { get; } =
        from text in Concat(LiteralPieces, 12)
        from form in Gen.Choose(0, 2)
        from datatype in IriGen
        from lang in Gen.Elements("en", "fr-CA", "zh-Hant-TW", "x-a1")
        select form switch
        {
            0 => Literal.String(text),
            1 => Literal.LangString(text, lang),
            _ => new Literal(text, datatype),
        };

    private static Gen<Quad> QuadGen { get; } =
        from subject in Gen.OneOf(IriGen.Select(i => (RdfTerm)i), BlankGen.Select(b => (RdfTerm)b))
        from predicate in IriGen
        from obj in Gen.OneOf(IriGen.Select(i => (RdfTerm)i), BlankGen.Select(b => (RdfTerm)b), LiteralGen.Select(l => (RdfTerm)l))
        from graph in Gen.OneOf(Gen.Constant((RdfTerm)DefaultGraph.Instance), IriGen.Select(i => (RdfTerm)i), BlankGen.Select(b => (RdfTerm)b))
        select new Quad(subject, predicate, obj, graph);

    [Property(MaxTest = 500)]
    public Property Written_quads_read_back_identically() =>
        Prop.ForAll(Gen.ListOf(QuadGen).Select(q => q.ToList()).ToArbitrary(), quads =>
        {
            var text = NQuadsWriter.Serialize(quads);
            Assert.Equal(quads.Count, text.Count(c => c == '\n'));
            Assert.Equal(quads, NQuadsReader.Parse(text));
            using var stream = new MemoryStream();
            NQuadsWriter.Write(stream, quads);
            stream.Position = 0;
            Assert.Equal(quads, NQuadsReader.Read(stream).ToList());
        });
}
