namespace Harmony.Core.Rdf;

/// <summary>The four kinds of term that can appear in an RDF 1.1 quad.</summary>
public enum RdfTermKind
{
    /// <summary>An absolute IRI (<see cref="Iri"/>).</summary>
    Iri,

    /// <summary>A blank node (<see cref="BlankNode"/>).</summary>
    BlankNode,

    /// <summary>A literal (<see cref="Literal"/>).</summary>
    Literal,

    /// <summary>The default graph (<see cref="DefaultGraph"/>), only valid as a graph name.</summary>
    DefaultGraph,
}
