using Harmony.Core.Rdf;
using Xunit;

namespace Harmony.Core.Tests.Rdf;

public sealed class QuadStoreTests
{
    private static Iri I(string local) => new("http://example/" + local);

    private static QuadStore Sample()
    {
        var store = new QuadStore();
        for (var s = 0; s < 10; s++)
        {
            for (var p = 0; p < 5; p++)
            {
                store.Add(new Quad(I($"s{s}"), I($"p{p}"), Literal.Integer(s * p), s % 2 == 0 ? DefaultGraph.Instance : I("g")));
            }
        }
        return store;
    }

    [Fact]
    public void Add_remove_contains_and_count()
    {
        var store = new QuadStore();
        var quad = new Quad(I("s"), I("p"), I("o"));
        Assert.True(store.Add(quad));
        Assert.False(store.Add(new Quad(I("s"), I("p"), I("o"))));
        Assert.Single(store);
        Assert.True(store.Contains(quad));
        Assert.True(store.Remove(quad));
        Assert.False(store.Remove(quad));
        Assert.Empty(store);
        Assert.Empty(store.Match(subject: I("s")));
        Assert.Empty(store.GraphNames);
    }

    [Fact]
    public void Match_agrees_with_filtering_every_quad_for_every_pattern()
    {
        var store = Sample();
        var all = store.ToList();
        RdfTerm?[] subjects = [null, I("s3"), I("s4"), I("missing")];
        Iri?[] predicates = [null, I("p2"), I("missing")];
        RdfTerm?[] objects = [null, Literal.Integer(0), Literal.Integer(6)];
        RdfTerm?[] graphs = [null, DefaultGraph.Instance, I("g")];
        foreach (var s in subjects)
        foreach (var p in predicates)
        foreach (var o in objects)
        foreach (var g in graphs)
        {
            var expected = all.Where(q => (s is null || q.Subject.Equals(s)) && (p is null || q.Predicate.Equals(p))
                                          && (o is null || q.Object.Equals(o)) && (g is null || q.Graph.Equals(g))).ToHashSet();
            Assert.True(expected.SetEquals(store.Match(s, p, o, g)), $"pattern {s} {p} {o} {g}");
        }
    }

    [Fact]
    public void Match_walks_only_the_most_selective_bucket()
    {
        var store = Sample();
        Assert.Equal(50, store.CandidateCount());
        Assert.Equal(5, store.CandidateCount(subject: I("s3")));
        Assert.Equal(10, store.CandidateCount(predicate: I("p1")));
        Assert.Equal(5, store.CandidateCount(subject: I("s3"), predicate: I("p1"), graph: I("g")));
        Assert.Equal(2, store.CandidateCount(predicate: I("p1"), @object: Literal.Integer(9)));
        Assert.Equal(1, store.CandidateCount(predicate: I("p1"), @object: Literal.Integer(7)));
        Assert.Equal(0, store.CandidateCount(subject: I("nope")));
    }

    [Fact]
    public void Removing_the_last_quad_of_a_graph_drops_the_graph_name()
    {
        var store = Sample();
        Assert.Equal(2, store.GraphNames.Count());
        foreach (var quad in store.Match(graph: I("g")).ToList()) store.Remove(quad);
        Assert.Equal([DefaultGraph.Instance], store.GraphNames);
        Assert.Equal(25, store.Count);
    }

    [Fact]
    public void The_size_limit_is_enforced_and_changes_nothing()
    {
        var store = new QuadStore(new QuadStoreOptions { MaxQuads = 2 });
        store.Add(new Quad(I("a"), I("p"), I("o")));
        store.Add(new Quad(I("b"), I("p"), I("o")));
        Assert.False(store.Add(new Quad(I("a"), I("p"), I("o"))));
        var e = Assert.Throws<RdfException>(() => store.Add(new Quad(I("c"), I("p"), I("o"))));
        Assert.Equal("rdf.limit", e.Code);
        Assert.Equal(2, store.Count);
        Assert.Empty(store.Match(subject: I("c")));
    }
}
