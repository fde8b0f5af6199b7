namespace Harmony.Core.Rdf;

/// <summary>
/// An RDF term. Terms are immutable values: two terms are equal exactly when RDF 1.1 term equality says they are
/// (same kind and the same characters, compared ordinally). <see cref="object.ToString"/> gives the N-Quads form.
/// </summary>
public abstract record RdfTerm
{
    /// <summary>Prevents kinds of term other than the four defined by RDF.</summary>
    private protected RdfTerm()
    {
    }

    /// <summary>Which kind of term this is.</summary>
    public abstract RdfTermKind Kind { get; }
}
