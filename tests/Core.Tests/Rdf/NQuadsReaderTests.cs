using Harmony.Core.Rdf;
using Xunit;

namespace Harmony.Core.Tests.Rdf;

public sealed class NQuadsReaderTests
{
    private static readonly Iri S = new("http://example/s");
    private static readonly Iri P = new("http://example/p");

    [Fact]
    public void Reads_every_kind_of_term_and_graph()
    {
        var quads = NQuadsReader.Parse(
            "<http://example/s> <http://example/p> <http://example/o> .\n" +
            "_:b1 <http://example/p> \"x\"@en-GB <http://example/g> .\n" +
            "<http://example/s> <http://example/p> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> _:g .\n");
        Assert.Equal(
        [
            new Quad(S, P, new Iri("http://example/o")),
            new Quad(new BlankNode("b1"), P, Literal.LangString("x", "en-GB"), new Iri("http://example/g")),
            new Quad(S, P, Literal.Integer(5), new BlankNode("g")),
        ], quads);
    }

    [Fact]
    public void Decodes_string_and_numeric_escapes()
    {
        var quads = NQuadsReader.Parse("<http://example/s> <http://example/p> \"\\t\\b\\n\\r\\f\\\"\\'\\\\ \\u00E9 \\U0001F600 \\u0000\" .");
        Assert.Equal("\t\b\n\r\f\"'\\ é 😀 \0", ((Literal)quads[0].Object).LexicalForm);
    }

    [Fact]
    public void Decodes_unicode_escapes_in_iris()
    {
        var quads = NQuadsReader.Parse("<http://example/\\u00E9\\U0001F600> <http://example/p> <http://example/o> .");
        Assert.Equal(new Iri("http://example/é😀"), quads[0].Subject);
    }

    [Theory]
    [InlineData("<http://example/\\u0020> <http://example/p> <http://example/o> .", 17)]
    [InlineData("<http://example/\\u003E> <http://example/p> <http://example/o> .", 17)]
    [InlineData("<http://example/s> <http://example/p> \"\\uD800\" .", 40)]
    [InlineData("<http://example/s> <http://example/p> \"\\U00110000\" .", 40)]
    [InlineData("<http://example/s> <http://example/p> \"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .", 44)]
    [InlineData("<http://example/s> <http://example/p> \"x\"^<http://example/d> .", 42)]
    [InlineData("<http://example/s> <http://example/p> \"x\"@en- .", 46)]
    [InlineData("<http://example/s> <http://example/p> <http://example/o> . extra", 60)]
    [InlineData("<http://example/s> <http://example/p> <http://example/o>", 57)]
    [InlineData("<http://example/s> <http://example/p> <http://example/o", 39)]
    [InlineData("<http://example/s> <http://example/p> _:", 41)]
    [InlineData("<http://example/s> <http://example/p> _:a..", 43)]
    [InlineData("<http://example/s> <http://example/p> _:o # comment .", 43)]
    public void Rejects_invalid_statements_with_their_column(string line, int column)
    {
        var e = Assert.Throws<NQuadsSyntaxException>(() => NQuadsReader.Parse(line));
        Assert.Equal("rdf.syntax", e.Code);
        Assert.Equal(1, e.Line);
        Assert.Equal(column, e.Column);
        Assert.StartsWith($"1:{column}: ", e.Message);
    }

    [Fact]
    public void Blank_node_labels_keep_inner_dots_and_leave_the_final_one()
    {
        var quads = NQuadsReader.Parse("_:a.b.c<http://example/p>_:d.");
        Assert.Equal(new BlankNode("a.b.c"), quads[0].Subject);
        Assert.Equal(new BlankNode("d"), quads[0].Object);
    }

    [Fact]
    public void Counts_lines_across_lf_cr_and_crlf_breaks()
    {
        const string good = "<http://example/s> <http://example/p> <http://example/o> .";
        var e = Assert.Throws<NQuadsSyntaxException>(() => NQuadsReader.Parse($"{good}\r\n# c\r\r\n{good}\n\nbad"));
        Assert.Equal(6, e.Line);
        Assert.Equal(1, e.Column);
        Assert.Equal(2, NQuadsReader.Parse($"{good}\r{good}\r\n").Count);
    }

    [Fact]
    public void Reads_lazily_so_quads_before_an_error_are_delivered()
    {
        const string good = "<http://example/s> <http://example/p> <http://example/o> .\n";
        using var reader = new StringReader(good + good + "oops\n");
        var nquads = new NQuadsReader(reader);
        Assert.True(nquads.TryRead(out _));
        Assert.True(nquads.TryRead(out _));
        Assert.Equal(2, nquads.LineNumber);
        Assert.Throws<NQuadsSyntaxException>(() => nquads.TryRead(out _));
    }

    [Fact]
    public void Rejects_invalid_utf8_and_skips_a_byte_order_mark()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("<http://example/s> <http://example/p> \"x\" .\n");
        using (var withBom = new MemoryStream([0xEF, 0xBB, 0xBF, .. bytes]))
        {
            Assert.Single(NQuadsReader.Read(withBom).ToList());
        }
        bytes[^4] = 0xFF;
        using var invalid = new MemoryStream(bytes);
        var e = Assert.Throws<NQuadsSyntaxException>(() => NQuadsReader.Read(invalid).ToList());
        Assert.Equal("rdf.syntax", e.Code);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Rejects_unpaired_surrogates_in_text_input()
    {
        var e = Assert.Throws<NQuadsSyntaxException>(() => NQuadsReader.Parse("<http://example/s> <http://example/p> \"a\ud800\" ."));
        Assert.Equal(41, e.Column);
    }

    [Fact]
    public void Enforces_the_line_length_limit()
    {
        var options = new NQuadsOptions { MaxLineLength = 64 };
        var ok = "<http://example/s> <http://example/p> \"" + new string('x', 20) + "\" .";
        Assert.Single(NQuadsReader.Parse(ok, options));
        var e = Assert.Throws<NQuadsSyntaxException>(() => NQuadsReader.Parse(ok + "\n" + ok.Replace("\"x", "\"" + new string('y', 40) + "x"), options));
        Assert.Equal("rdf.limit", e.Code);
        Assert.Equal(2, e.Line);
        Assert.Equal(65, e.Column);
    }

    [Fact]
    public void Enforces_the_literal_and_iri_length_limits()
    {
        var options = new NQuadsOptions { MaxLiteralLength = 4, MaxIriLength = 20 };
        Assert.Single(NQuadsReader.Parse("<http://example/s> <http://example/p> \"abcd\" .", options));
        var literal = Assert.Throws<NQuadsSyntaxException>(() => NQuadsReader.Parse("<http://example/s> <http://example/p> \"ab\\u0063de\" .", options));
        Assert.Equal(("rdf.limit", 39), (literal.Code, literal.Column));
        var iri = Assert.Throws<NQuadsSyntaxException>(() => NQuadsReader.Parse("<http://example/s> <http://example/long-predicate> \"a\" .", options));
        Assert.Equal(("rdf.limit", 20), (iri.Code, iri.Column));
    }

    [Fact]
    public void Enforces_the_statement_count_limit()
    {
        var line = "<http://example/s> <http://example/p> <http://example/o> .\n";
        var options = new NQuadsOptions { MaxQuads = 3 };
        Assert.Equal(3, NQuadsReader.Parse(string.Concat(Enumerable.Repeat(line, 3)), options).Count);
        var e = Assert.Throws<NQuadsSyntaxException>(() => NQuadsReader.Parse(string.Concat(Enumerable.Repeat(line, 4)), options));
        Assert.Equal(("rdf.limit", 4), (e.Code, e.Line));
    }

    [Fact]
    public void Reads_lines_longer_than_the_internal_buffers()
    {
        var big = new string('z', 100_000);
        var quads = NQuadsReader.Parse($"<http://example/s> <http://example/p> \"{big}\" .\r\n<http://example/s> <http://example/p> \"{big}\\n\" .");
        Assert.Equal(big, ((Literal)quads[0].Object).LexicalForm);
        Assert.Equal(big + "\n", ((Literal)quads[1].Object).LexicalForm);
    }
}
