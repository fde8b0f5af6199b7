namespace Harmony.Core.Rdf;

/// <summary>
/// One RDF statement in a dataset: subject (IRI or blank node), predicate (IRI), object (any term but the default
/// graph) and graph name (IRI, blank node or <see cref="DefaultGraph"/>). Value equality over the four terms.
/// </summary>
public sealed record Quad
{
    /// <summary>
    /// Creates a quad; a null <paramref name="graph"/> means the default graph. Throws <see cref="RdfException"/>
    /// (<c>rdf.invalid_quad</c>) when a term's kind is not allowed in its position.
    /// </summary>
    public Quad(RdfTerm subject, Iri predicate, RdfTerm @object, RdfTerm? graph = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(@object);
        if (subject.Kind is not (RdfTermKind.Iri or RdfTermKind.BlankNode))
        {
            throw new RdfException(RdfException.InvalidQuadCode, $"a subject must be an IRI or a blank node, not a {subject.Kind}");
        }
        if (@object.Kind == RdfTermKind.DefaultGraph)
        {
            throw new RdfException(RdfException.InvalidQuadCode, "the default graph cannot be an object");
        }
        graph ??= DefaultGraph.Instance;
        if (graph.Kind == RdfTermKind.Literal)
        {
            throw new RdfException(RdfException.InvalidQuadCode, "a graph name must be an IRI, a blank node or the default graph");
        }
        Subject = subject;
        Predicate = predicate;
        Object = @object;
        Graph = graph;
    }

    /// <summary>The subject: an <see cref="Iri"/> or a <see cref="BlankNode"/>.</summary>
    public RdfTerm Subject { get; }

    /// <summary>The predicate.</summary>
    public Iri Predicate { get; }

    /// <summary>The object: an <see cref="Iri"/>, <see cref="BlankNode"/> or <see cref="Literal"/>.</summary>
    public RdfTerm Object { get; }

    /// <summary>The graph name: an <see cref="Iri"/>, <see cref="BlankNode"/> or <see cref="DefaultGraph"/>.</summary>
    public RdfTerm Graph { get; }

    /// <summary>True when the quad is in the default graph.</summary>
    public bool IsInDefaultGraph => Graph.Kind == RdfTermKind.DefaultGraph;

    /// <summary>The N-Quads statement, without the line break.</summary>
    public override string ToString() => NQuadsFormatter.Format(this);
}
