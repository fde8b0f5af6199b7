namespace Harmony.Core.Rdf;

/// <summary>Limits of a <see cref="QuadStore"/>.</summary>
public sealed record QuadStoreOptions
{
    /// <summary>The defaults: at most 10 million quads.</summary>
    public static QuadStoreOptions Default { get; } = new();

    /// <summary>Most quads the store holds; adding beyond it throws <see cref="RdfException"/> <c>rdf.limit</c>.</summary>
    public int MaxQuads { get; init; } = 10_000_000;
}
