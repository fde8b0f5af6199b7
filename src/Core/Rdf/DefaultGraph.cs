namespace Harmony.Core.Rdf;

/// <summary>The default graph of a dataset: the graph name of every quad written without a fourth term.</summary>
public sealed record DefaultGraph : RdfTerm
{
    private DefaultGraph()
    {
    }

    /// <summary>The only instance.</summary>
    public static DefaultGraph Instance { get; } = new();

    /// <inheritdoc />
    public override RdfTermKind Kind => RdfTermKind.DefaultGraph;

    /// <summary>An empty string: the default graph has no N-Quads form of its own.</summary>
    public override string ToString() => "";
}
