using Harmony.Core.Crdt;
using Xunit;

namespace Harmony.Core.Tests.Crdt;

public sealed class EntryOrderTests
{
    [Fact]
    public void Orders_by_lamport_then_author_then_id()
    {
        var sorted = new[]
        {
            new EntryOrder(2, "did:key:a", "1"),
            new EntryOrder(1, "did:key:b", "9"),
            new EntryOrder(2, "did:key:Z", "5"),
            new EntryOrder(2, "did:key:a", "0"),
            new EntryOrder(1, "did:key:b", "10"),
        }.Order().ToList();
        Assert.Equal(
        [
            new EntryOrder(1, "did:key:b", "10"),
            new EntryOrder(1, "did:key:b", "9"),
            new EntryOrder(2, "did:key:Z", "5"),
            new EntryOrder(2, "did:key:a", "0"),
            new EntryOrder(2, "did:key:a", "1"),
        ], sorted);
    }

    [Fact]
    public void Compares_strings_ordinally_not_by_culture()
    {
        // Culture-aware comparison puts "a" before "Z" and ignores some characters; ordinal compares UTF-16 units.
        Assert.True(new EntryOrder(1, "Z", "x") < new EntryOrder(1, "a", "x"));
        Assert.True(new EntryOrder(1, "a", "x\u00AD") > new EntryOrder(1, "a", "x"));
        Assert.True(new EntryOrder(1, "a", "\uFF21") > new EntryOrder(1, "a", "\U0001F600"));
        Assert.Equal(0, new EntryOrder(3, "a", "b").CompareTo(new EntryOrder(3, "a", "b")));
        Assert.True(new EntryOrder(3, "a", "b") >= new EntryOrder(3, "a", "b"));
        Assert.True(new EntryOrder(3, "a", "b") <= new EntryOrder(3, "a", "b"));
    }
}
