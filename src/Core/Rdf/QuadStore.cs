using System.Collections;

namespace Harmony.Core.Rdf;

/// <summary>
/// An in-memory RDF dataset (a set of quads) with one hash index per position. <see cref="Match"/> looks up every
/// bound position in its index and walks only the smallest of those buckets, so a pattern with any bound term
/// costs the size of its most selective bucket, not the size of the store. Not thread-safe; do not modify the
/// store while enumerating it or a <see cref="Match"/> result.
/// </summary>
public sealed class QuadStore : IReadOnlyCollection<Quad>
{
    private readonly QuadStoreOptions _options;
    private readonly HashSet<Quad> _all = [];
    private readonly Dictionary<RdfTerm, HashSet<Quad>> _bySubject = [];
    private readonly Dictionary<RdfTerm, HashSet<Quad>> _byPredicate = [];
    private readonly Dictionary<RdfTerm, HashSet<Quad>> _byObject = [];
    private readonly Dictionary<RdfTerm, HashSet<Quad>> _byGraph = [];

    /// <summary>Creates an empty store.</summary>
    public QuadStore(QuadStoreOptions? options = null) => _options = options ?? QuadStoreOptions.Default;

    /// <summary>Creates a store holding <paramref name="quads"/> (duplicates collapse).</summary>
    public QuadStore(IEnumerable<Quad> quads, QuadStoreOptions? options = null)
        : this(options) => AddRange(quads);

    /// <summary>The number of distinct quads.</summary>
    public int Count => _all.Count;

    /// <summary>Every graph name that has at least one quad (the default graph included when it has quads).</summary>
    public IEnumerable<RdfTerm> GraphNames => _byGraph.Keys;

    /// <summary>Adds a quad; false when it was already present. Throws <c>rdf.limit</c> when the store is full.</summary>
    public bool Add(Quad quad)
    {
        ArgumentNullException.ThrowIfNull(quad);
        if (_all.Contains(quad)) return false;
        if (_all.Count >= _options.MaxQuads)
        {
            throw new RdfException(RdfException.LimitCode, $"the quad store is full ({_options.MaxQuads} quads)");
        }
        _all.Add(quad);
        Index(_bySubject, quad.Subject, quad);
        Index(_byPredicate, quad.Predicate, quad);
        Index(_byObject, quad.Object, quad);
        Index(_byGraph, quad.Graph, quad);
        return true;
    }

    /// <summary>Adds quads, returning how many were new.</summary>
    public int AddRange(IEnumerable<Quad> quads)
    {
        ArgumentNullException.ThrowIfNull(quads);
        var added = 0;
        foreach (var quad in quads) if (Add(quad)) added++;
        return added;
    }

    /// <summary>Removes a quad; false when it was not present.</summary>
    public bool Remove(Quad quad)
    {
        ArgumentNullException.ThrowIfNull(quad);
        if (!_all.Remove(quad)) return false;
        Unindex(_bySubject, quad.Subject, quad);
        Unindex(_byPredicate, quad.Predicate, quad);
        Unindex(_byObject, quad.Object, quad);
        Unindex(_byGraph, quad.Graph, quad);
        return true;
    }

    /// <summary>True when the quad is present.</summary>
    public bool Contains(Quad quad)
    {
        ArgumentNullException.ThrowIfNull(quad);
        return _all.Contains(quad);
    }

    /// <summary>Removes every quad.</summary>
    public void Clear()
    {
        _all.Clear();
        _bySubject.Clear();
        _byPredicate.Clear();
        _byObject.Clear();
        _byGraph.Clear();
    }

    /// <summary>
    /// The quads matching a pattern; a null argument matches anything. Pass <see cref="DefaultGraph.Instance"/> as
    /// <paramref name="graph"/> to match only the default graph. Lazily enumerated.
    /// </summary>
    public IEnumerable<Quad> Match(RdfTerm? subject = null, Iri? predicate = null, RdfTerm? @object = null, RdfTerm? graph = null)
    {
        if (subject is null && predicate is null && @object is null && graph is null) return _all;
        var candidates = SmallestBucket(subject, predicate, @object, graph);
        return candidates is null ? [] : Filter(candidates, subject, predicate, @object, graph);
    }

    /// <summary>The number of quads <see cref="Match"/> walks for a pattern (the chosen bucket's size).</summary>
    internal int CandidateCount(RdfTerm? subject = null, Iri? predicate = null, RdfTerm? @object = null, RdfTerm? graph = null) =>
        SmallestBucket(subject, predicate, @object, graph)?.Count ?? 0;

    /// <inheritdoc />
    public IEnumerator<Quad> GetEnumerator() => _all.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Null when a bound term has no quads at all (nothing can match); the whole set when nothing is bound.
    private HashSet<Quad>? SmallestBucket(RdfTerm? subject, Iri? predicate, RdfTerm? @object, RdfTerm? graph)
    {
        var best = _all;
        var anyBound = false;
        foreach (var (index, term) in new[] { (_bySubject, subject), (_byPredicate, (RdfTerm?)predicate), (_byObject, @object), (_byGraph, graph) })
        {
            if (term is null) continue;
            if (!index.TryGetValue(term, out var bucket)) return null;
            if (!anyBound || bucket.Count < best.Count) best = bucket;
            anyBound = true;
        }
        return best;
    }

    private static IEnumerable<Quad> Filter(HashSet<Quad> candidates, RdfTerm? subject, Iri? predicate, RdfTerm? @object, RdfTerm? graph)
    {
        foreach (var quad in candidates)
        {
            if (subject is not null && !subject.Equals(quad.Subject)) continue;
            if (predicate is not null && !predicate.Equals(quad.Predicate)) continue;
            if (@object is not null && !@object.Equals(quad.Object)) continue;
            if (graph is not null && !graph.Equals(quad.Graph)) continue;
            yield return quad;
        }
    }

    private static void Index(Dictionary<RdfTerm, HashSet<Quad>> index, RdfTerm term, Quad quad)
    {
        if (!index.TryGetValue(term, out var bucket)) index[term] = bucket = [];
        bucket.Add(quad);
    }

    private static void Unindex(Dictionary<RdfTerm, HashSet<Quad>> index, RdfTerm term, Quad quad)
    {
        var bucket = index[term];
        bucket.Remove(quad);
        if (bucket.Count == 0) index.Remove(term);
    }
}
