using Harmony.Core.Rdf;
using Harmony.Core.Rdf.Vocabulary;
using Xunit;

namespace Harmony.Core.Tests.Rdf;

public sealed class RdfTermTests
{
    [Theory]
    [InlineData("http://example/s")]
    [InlineData("urn:uuid:6c1d0a52-5c4e-4a7a-8b9f-0f0f0f0f0f0f")]
    [InlineData("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")]
    [InlineData("https://harmony.chat/ns#Community")]
    [InlineData("http://例え.テスト/パス")]
    public void Absolute_iris_are_accepted(string value) => Assert.Equal(value, new Iri(value).Value);

    [Theory]
    [InlineData("")]
    [InlineData("relative/path")]
    [InlineData("#fragment")]
    [InlineData("1http://example/")]
    [InlineData("http://example/ space")]
    [InlineData("http://example/<")]
    [InlineData("http://example/\"")]
    [InlineData("http://example/{x}")]
    [InlineData("http://example/a|b")]
    [InlineData("http://example/^")]
    [InlineData("http://example/`")]
    [InlineData("http://example/\\")]
    [InlineData("http://example/\n")]
    public void Invalid_iris_are_rejected(string value)
    {
        var e = Assert.Throws<RdfException>(() => new Iri(value));
        Assert.Equal("rdf.invalid_term", e.Code);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("1a")]
    [InlineData("_x")]
    [InlineData("a.b")]
    [InlineData("a-b_c·d")]
    [InlineData("é")]
    [InlineData("\U00010000x")]
    public void Grammar_conforming_blank_node_labels_are_accepted(string label) => Assert.Equal(label, new BlankNode(label).Label);

    [Theory]
    [InlineData("")]
    [InlineData(":a")]
    [InlineData("abc:def")]
    [InlineData("-a")]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a b")]
    public void Bad_blank_node_labels_are_rejected(string label) =>
        Assert.Equal("rdf.invalid_term", Assert.Throws<RdfException>(() => new BlankNode(label)).Code);

    [Fact]
    public void Unpaired_surrogates_are_rejected_in_every_term()
    {
        // Kept out of [InlineData]: attribute strings are stored as UTF-8, which cannot carry a lone surrogate.
        Assert.Throws<RdfException>(() => new Iri("http://example/\ud800"));
        Assert.Throws<RdfException>(() => new Iri("http://example/\udc00x"));
        Assert.Throws<RdfException>(() => new BlankNode("a\ud800"));
        Assert.Throws<RdfException>(() => new BlankNode("\udc00"));
        Assert.Throws<RdfException>(() => new Literal("x\ud800"));
        Assert.Equal("\ud83d\ude00", new Literal("\ud83d\ude00").LexicalForm);
    }

    [Fact]
    public void A_plain_literal_is_an_xsd_string()
    {
        var literal = new Literal("hello");
        Assert.Equal(new Iri("http://www.w3.org/2001/XMLSchema#string"), literal.Datatype);
        Assert.Null(literal.Language);
        Assert.Equal(literal, new Literal("hello", new Iri("http://www.w3.org/2001/XMLSchema#string")));
    }

    [Fact]
    public void A_language_tagged_literal_is_an_rdf_langString()
    {
        var literal = Literal.LangString("bonjour", "fr-CA");
        Assert.Equal(new Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"), literal.Datatype);
        Assert.Equal("fr-CA", literal.Language);
        Assert.NotEqual(literal, Literal.LangString("bonjour", "fr-ca"));
        Assert.NotEqual(literal, Literal.String("bonjour"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1en")]
    [InlineData("en-")]
    [InlineData("en--US")]
    [InlineData("en_US")]
    [InlineData("-en")]
    public void Bad_language_tags_are_rejected(string tag) =>
        Assert.Equal("rdf.invalid_term", Assert.Throws<RdfException>(() => Literal.LangString("x", tag)).Code);

    [Fact]
    public void LangString_without_a_tag_and_tags_with_another_datatype_are_rejected()
    {
        Assert.Throws<RdfException>(() => new Literal("x", RdfVocabulary.LangString));
        Assert.Throws<RdfException>(() => new Literal("x", XsdVocabulary.Integer, "en"));
        Assert.Throws<RdfException>(() => new Literal("\udc00"));
    }

    [Fact]
    public void Typed_literal_helpers_use_canonical_lexical_forms()
    {
        Assert.Equal("\"-42\"^^<http://www.w3.org/2001/XMLSchema#integer>", Literal.Integer(-42).ToString());
        Assert.Equal("\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>", Literal.Boolean(true).ToString());
        Assert.Equal("\"2024-02-29T23:59:58.5Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime>",
            Literal.DateTime(new DateTimeOffset(2024, 3, 1, 1, 59, 58, 500, TimeSpan.FromHours(2))).ToString());
        Assert.Equal("\"AAH/\"^^<http://www.w3.org/2001/XMLSchema#base64Binary>", Literal.Base64([0, 1, 255]).ToString());
    }

    [Fact]
    public void Terms_of_different_kinds_with_the_same_text_differ()
    {
        Assert.NotEqual<RdfTerm>(new Iri("http://example/a"), Literal.String("http://example/a"));
        Assert.Equal<RdfTerm>(new BlankNode("b"), new BlankNode("b"));
        Assert.Equal(new Iri("http://example/a").GetHashCode(), new Iri("http://example/a").GetHashCode());
    }

    [Fact]
    public void Quads_check_the_kind_of_each_position()
    {
        var iri = new Iri("http://example/x");
        Assert.Equal("rdf.invalid_quad", Assert.Throws<RdfException>(() => new Quad(Literal.String("s"), iri, iri)).Code);
        Assert.Equal("rdf.invalid_quad", Assert.Throws<RdfException>(() => new Quad(DefaultGraph.Instance, iri, iri)).Code);
        Assert.Equal("rdf.invalid_quad", Assert.Throws<RdfException>(() => new Quad(iri, iri, DefaultGraph.Instance)).Code);
        Assert.Equal("rdf.invalid_quad", Assert.Throws<RdfException>(() => new Quad(iri, iri, iri, Literal.String("g"))).Code);
        var quad = new Quad(new BlankNode("s"), iri, Literal.String("o"));
        Assert.Same(DefaultGraph.Instance, quad.Graph);
        Assert.True(quad.IsInDefaultGraph);
        Assert.Equal(quad, new Quad(new BlankNode("s"), iri, Literal.String("o"), DefaultGraph.Instance));
        Assert.NotEqual(quad, new Quad(new BlankNode("s"), iri, Literal.String("o"), iri));
    }
}
