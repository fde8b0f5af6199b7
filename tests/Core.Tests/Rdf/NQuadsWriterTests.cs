using Harmony.Core.Rdf;
using Xunit;

namespace Harmony.Core.Tests.Rdf;

public sealed class NQuadsWriterTests
{
    private static readonly Iri S = new("http://example/s");
    private static readonly Iri P = new("http://example/p");

    [Fact]
    public void Writes_the_canonical_form()
    {
        var text = NQuadsWriter.Serialize(
        [
            new Quad(S, P, new Iri("http://example/o")),
            new Quad(new BlankNode("b0"), P, Literal.LangString("chat", "fr"), new Iri("http://example/g")),
            new Quad(S, P, Literal.Integer(7), new BlankNode("g1")),
            new Quad(S, P, Literal.String("plain")),
        ]);
        Assert.Equal(
            "<http://example/s> <http://example/p> <http://example/o> .\n" +
            "_:b0 <http://example/p> \"chat\"@fr <http://example/g> .\n" +
            "<http://example/s> <http://example/p> \"7\"^^<http://www.w3.org/2001/XMLSchema#integer> _:g1 .\n" +
            "<http://example/s> <http://example/p> \"plain\" .\n", text);
    }

    [Fact]
    public void Escapes_literals_as_canonical_n_triples_does()
    {
        var all = new string([.. Enumerable.Range(0, 0x20).Select(i => (char)i)]) + "\"\\\u007F é😀'";
        var expected = "\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000B\\f\\r\\u000E\\u000F" +
                       "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001A\\u001B\\u001C\\u001D\\u001E\\u001F" +
                       "\\\"\\\\\\u007F é😀'";
        Assert.Equal($"<http://example/s> <http://example/p> \"{expected}\" .\n", NQuadsWriter.Serialize([new Quad(S, P, Literal.String(all))]));
    }

    [Fact]
    public void Writes_utf8_without_a_byte_order_mark()
    {
        using var stream = new MemoryStream();
        NQuadsWriter.Write(stream, [new Quad(S, P, Literal.String("é"))]);
        Assert.Equal("<http://example/s> <http://example/p> \"é\" .\n"u8.ToArray(), stream.ToArray());
    }

    [Fact]
    public void Terms_print_their_n_quads_form()
    {
        Assert.Equal("<http://example/s>", S.ToString());
        Assert.Equal("_:x", new BlankNode("x").ToString());
        Assert.Equal("\"a\\nb\"@en", Literal.LangString("a\nb", "en").ToString());
        Assert.Equal("<http://example/s> <http://example/p> \"o\" .", new Quad(S, P, Literal.String("o")).ToString());
    }
}
