namespace Harmony.Core.Rdf;

/// <summary>
/// A blank node, identified by a label that matches the N-Quads BLANK_NODE_LABEL production (without the
/// <c>_:</c> prefix). Labels are local to one document or store: equal labels mean the same node only there.
/// </summary>
public sealed record BlankNode : RdfTerm
{
    /// <summary>Creates a blank node, throwing <see cref="RdfException"/> (<c>rdf.invalid_term</c>) for a bad label.</summary>
    public BlankNode(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!RdfSyntax.IsValidBlankNodeLabel(label))
        {
            throw new RdfException(RdfException.InvalidTermCode, "invalid blank node label: it must match the N-Quads BLANK_NODE_LABEL production");
        }
        Label = label;
    }

    private BlankNode(string label, bool _) => Label = label;

    /// <summary>The label, without <c>_:</c>.</summary>
    public string Label { get; }

    /// <inheritdoc />
    public override RdfTermKind Kind => RdfTermKind.BlankNode;

    /// <summary>Creates a blank node from a label already validated by the caller.</summary>
    internal static BlankNode Trusted(string label) => new(label, true);

    /// <summary>The N-Quads form, <c>_:label</c>.</summary>
    public override string ToString() => "_:" + Label;
}
