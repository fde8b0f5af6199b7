namespace Harmony.Core.Rdf;

/// <summary>
/// Limits applied while reading N-Quads, so hostile input cannot exhaust memory. Lengths count UTF-16 code units.
/// Reaching a limit raises <see cref="NQuadsSyntaxException"/> with code <c>rdf.limit</c>.
/// </summary>
public sealed record NQuadsOptions
{
    /// <summary>The defaults: 1 Mi-character lines and literals, 8 Ki-character IRIs, 10 million quads.</summary>
    public static NQuadsOptions Default { get; } = new();

    /// <summary>Longest accepted line, line break excluded.</summary>
    public int MaxLineLength { get; init; } = 1 << 20;

    /// <summary>Longest accepted literal lexical form, after escapes are decoded.</summary>
    public int MaxLiteralLength { get; init; } = 1 << 20;

    /// <summary>Longest accepted IRI (also bounds blank node labels and language tags), after escapes are decoded.</summary>
    public int MaxIriLength { get; init; } = 8 * 1024;

    /// <summary>Most statements accepted from one document.</summary>
    public long MaxQuads { get; init; } = 10_000_000;
}
