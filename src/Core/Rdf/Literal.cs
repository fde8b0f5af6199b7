using System.Globalization;
using Harmony.Core.Rdf.Vocabulary;

namespace Harmony.Core.Rdf;

/// <summary>
/// An RDF 1.1 literal: a lexical form, a datatype IRI and, for <c>rdf:langString</c>, a language tag. A literal
/// written without datatype or language has datatype <c>xsd:string</c>. Equality compares the three parts
/// character by character; the language tag keeps the case it was given (RDF allows, but does not require,
/// lower-casing, and canonical N-Quads keeps it).
/// </summary>
public sealed record Literal : RdfTerm
{
    /// <summary>
    /// Creates a literal. With a <paramref name="language"/> the datatype is <c>rdf:langString</c> (passing another
    /// datatype is an error); without one it is <paramref name="datatype"/> or <c>xsd:string</c>, and may not be
    /// <c>rdf:langString</c>. Throws <see cref="RdfException"/> (<c>rdf.invalid_term</c>) for a bad language tag or
    /// a lexical form that is not well-formed Unicode (an unpaired surrogate).
    /// </summary>
    public Literal(string lexicalForm, Iri? datatype = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(lexicalForm);
        if (RdfSyntax.FindLoneSurrogate(lexicalForm) >= 0)
        {
            throw new RdfException(RdfException.InvalidTermCode, "invalid literal: the lexical form contains an unpaired surrogate");
        }
        if (language is not null)
        {
            if (!RdfSyntax.IsValidLanguageTag(language))
            {
                throw new RdfException(RdfException.InvalidTermCode, "invalid language tag: it must match [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*");
            }
            if (datatype is not null && datatype != RdfVocabulary.LangString)
            {
                throw new RdfException(RdfException.InvalidTermCode, "a language-tagged literal must have datatype rdf:langString");
            }
            datatype = RdfVocabulary.LangString;
        }
        else if (datatype == RdfVocabulary.LangString)
        {
            throw new RdfException(RdfException.InvalidTermCode, "a literal with datatype rdf:langString needs a language tag");
        }
        LexicalForm = lexicalForm;
        Datatype = datatype ?? XsdVocabulary.String;
        Language = language;
    }

    private Literal(string lexicalForm, Iri datatype, string? language, bool _)
    {
        LexicalForm = lexicalForm;
        Datatype = datatype;
        Language = language;
    }

    /// <summary>The lexical form (the characters between the quotes, escapes decoded).</summary>
    public string LexicalForm { get; }

    /// <summary>The datatype IRI; <c>rdf:langString</c> exactly when <see cref="Language"/> is set.</summary>
    public Iri Datatype { get; }

    /// <summary>The language tag, or null.</summary>
    public string? Language { get; }

    /// <inheritdoc />
    public override RdfTermKind Kind => RdfTermKind.Literal;

    /// <summary>An <c>xsd:string</c> literal.</summary>
    public static Literal String(string value) => new(value);

    /// <summary>An <c>rdf:langString</c> literal.</summary>
    public static Literal LangString(string value, string language) => new(value, language: language);

    /// <summary>An <c>xsd:integer</c> literal in canonical form.</summary>
    public static Literal Integer(long value) => new(value.ToString(CultureInfo.InvariantCulture), XsdVocabulary.Integer);

    /// <summary>An <c>xsd:boolean</c> literal in canonical form.</summary>
    public static Literal Boolean(bool value) => new(value ? "true" : "false", XsdVocabulary.Boolean);

    /// <summary>An <c>xsd:dateTime</c> literal in UTC with a <c>Z</c> suffix and up to 7 fractional digits.</summary>
    public static Literal DateTime(DateTimeOffset value) =>
        new(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture), XsdVocabulary.DateTime);

    /// <summary>An <c>xsd:base64Binary</c> literal (standard alphabet, padded), used for ciphertext.</summary>
    public static Literal Base64(ReadOnlySpan<byte> bytes) => new(Convert.ToBase64String(bytes), XsdVocabulary.Base64Binary);

    /// <summary>Creates a literal from parts already validated by the caller.</summary>
    internal static Literal Trusted(string lexicalForm, Iri datatype, string? language) => new(lexicalForm, datatype, language, true);

    /// <summary>The N-Quads form with canonical escaping, e.g. <c>"a\"b"@en</c>.</summary>
    public override string ToString() => NQuadsFormatter.Format(this);
}
