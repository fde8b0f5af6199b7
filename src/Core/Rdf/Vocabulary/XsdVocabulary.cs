namespace Harmony.Core.Rdf.Vocabulary;

/// <summary>XML Schema datatypes (<c>http://www.w3.org/2001/XMLSchema#</c>) used by Harmony literals.</summary>
public static class XsdVocabulary
{
    /// <summary>The namespace IRI.</summary>
    public const string Namespace = "http://www.w3.org/2001/XMLSchema#";

    /// <summary><c>xsd:string</c>: the datatype of plain literals.</summary>
    public static Iri String { get; } = new(Namespace + "string");

    /// <summary><c>xsd:integer</c>: arbitrary-size integers (Lamport times, sequence numbers).</summary>
    public static Iri Integer { get; } = new(Namespace + "integer");

    /// <summary><c>xsd:boolean</c>.</summary>
    public static Iri Boolean { get; } = new(Namespace + "boolean");

    /// <summary><c>xsd:dateTime</c>: timestamps, always written in UTC.</summary>
    public static Iri DateTime { get; } = new(Namespace + "dateTime");

    /// <summary><c>xsd:base64Binary</c>: bytes such as ciphertext and signatures.</summary>
    public static Iri Base64Binary { get; } = new(Namespace + "base64Binary");
}
