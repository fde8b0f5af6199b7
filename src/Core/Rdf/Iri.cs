namespace Harmony.Core.Rdf;

/// <summary>
/// An absolute IRI, as N-Quads requires. The constructor enforces the IRIREF rules after escapes are decoded: a
/// scheme is present and no character in <c>U+0000..U+0020 &lt; &gt; " { } | ^ ` \</c> occurs, so every
/// <see cref="Iri"/> can be written back without escapes. Equality is ordinal on <see cref="Value"/> (no
/// normalization, as RDF 1.1 specifies).
/// </summary>
public sealed record Iri : RdfTerm
{
    /// <summary>Creates an IRI, throwing <see cref="RdfException"/> (<c>rdf.invalid_term</c>) when it is not valid.</summary>
    public Iri(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var error = RdfSyntax.ValidateIri(value);
        if (error is not null) throw new RdfException(RdfException.InvalidTermCode, $"invalid IRI: {error}");
        Value = value;
    }

    // The reader validates while scanning; this skips a second pass over the characters.
    private Iri(string value, bool _) => Value = value;

    /// <summary>The IRI's characters.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override RdfTermKind Kind => RdfTermKind.Iri;

    /// <summary>Creates an IRI from text already validated by the caller.</summary>
    internal static Iri Trusted(string value) => new(value, true);

    /// <summary>The N-Quads form, <c>&lt;value&gt;</c>.</summary>
    public override string ToString() => $"<{Value}>";
}
