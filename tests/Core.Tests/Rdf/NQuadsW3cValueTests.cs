using Harmony.Core.Rdf;
using Xunit;

namespace Harmony.Core.Tests.Rdf;

/// <summary>Selected W3C positive files checked term by term, with the expected values written out by hand.</summary>
public sealed class NQuadsW3cValueTests
{
    private static Quad Single(string file)
    {
        using var stream = File.OpenRead(Vectors.PathOf("rdf-n-quads", file));
        return Assert.Single(NQuadsReader.Read(stream).ToList());
    }

    private static Literal ObjectLiteral(string file) => Assert.IsType<Literal>(Single(file).Object);

    [Theory]
    [InlineData("nt-syntax-str-esc-01.nq", "a\n")]
    [InlineData("nt-syntax-str-esc-02.nq", "a b")]
    [InlineData("nt-syntax-str-esc-03.nq", "a b")]
    [InlineData("literal_with_numeric_escape4.nq", "o")]
    [InlineData("literal_with_numeric_escape8.nq", "o")]
    [InlineData("literal_all_punctuation.nq", " !\"#$%&():;<=>?@[]^_`{|}~")]
    [InlineData("literal_ascii_boundaries.nq", "\u0000\t\u000B\u000C\u000E&([]\u007F")]
    [InlineData("literal_all_controls.nq", "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\t\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F")]
    [InlineData("literal_with_UTF8_boundaries.nq", "\u0080\u07FF\u0800\u0FFF\u1000\uCFFF\uD000\uD7FF\uE000\uFFFD\U00010000\U0003FFFD\U00040000\U000FFFFD\U00100000\U0010FFFD")]
    public void Literal_values_are_decoded_exactly(string file, string expected)
    {
        var literal = ObjectLiteral(file);
        Assert.Equal(expected, literal.LexicalForm);
        Assert.Equal("http://www.w3.org/2001/XMLSchema#string", literal.Datatype.Value);
    }

    [Fact]
    public void Datatypes_language_tags_and_iri_escapes_are_kept()
    {
        Assert.Equal(new Literal("123", new Iri("http://www.w3.org/2001/XMLSchema#byte")), ObjectLiteral("nt-syntax-datatypes-01.nq"));
        Assert.Equal(Literal.LangString("Cheers", "en-UK"), ObjectLiteral("lantag_with_subtag.nq"));
        Assert.Equal(new Iri("http://example/S"), Single("nt-syntax-uri-02.nq").Subject);
        Assert.Equal(new Iri("http://example/S"), Single("nt-syntax-uri-03.nq").Subject);
    }
}
