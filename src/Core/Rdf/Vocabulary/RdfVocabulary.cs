namespace Harmony.Core.Rdf.Vocabulary;

/// <summary>Terms of the RDF namespace <c>http://www.w3.org/1999/02/22-rdf-syntax-ns#</c> used by Harmony.</summary>
public static class RdfVocabulary
{
    /// <summary>The namespace IRI.</summary>
    public const string Namespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /// <summary><c>rdf:type</c>: the subject is an instance of the object class.</summary>
    public static Iri Type { get; } = new(Namespace + "type");

    /// <summary><c>rdf:langString</c>: the datatype of language-tagged literals.</summary>
    public static Iri LangString { get; } = new(Namespace + "langString");
}
