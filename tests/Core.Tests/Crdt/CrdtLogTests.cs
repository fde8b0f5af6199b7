using Harmony.Core.Crdt;
using Xunit;

namespace Harmony.Core.Tests.Crdt;

public sealed class CrdtLogTests
{
    private const string Alice = "did:key:alice";
    private const string Bob = "did:key:bob";
    private const string Carol = "did:key:carol";

    private static LogEntry<string> Msg(string id, string author, long lamport, string text) => LogEntry<string>.Message(id, author, lamport, text);

    [Fact]
    public void Messages_are_shown_in_lamport_author_id_order()
    {
        var log = new CrdtLog<string>();
        log.Add(Msg("m3", Bob, 2, "c"));
        log.Add(Msg("m1", Alice, 1, "a"));
        log.Add(Msg("m2", Alice, 2, "b"));
        log.Add(Msg("m0", Bob, 2, "d"));
        Assert.Equal(["m1", "m2", "m0", "m3"], log.Materialize().Select(m => m.Id));
        Assert.Equal(2, log.HighestLamport);
    }

    [Fact]
    public void An_edit_that_arrives_before_its_message_applies_when_the_message_arrives()
    {
        var log = new CrdtLog<string>();
        log.Add(LogEntry<string>.Edit("e1", Alice, 5, "m1", "fixed"));
        Assert.Empty(log.Materialize());
        Assert.Null(log.GetMessage("m1"));
        log.Add(Msg("m1", Alice, 4, "typo"));
        var view = Assert.Single(log.Materialize());
        Assert.Equal("fixed", view.Content);
        Assert.Equal("e1", view.EditId);
        Assert.True(view.Edited);
    }

    [Fact]
    public void Edits_are_last_writer_wins_by_lamport_then_author_then_id()
    {
        var log = new CrdtLog<string>();
        log.Add(Msg("m1", Alice, 1, "v0"));
        log.Add(LogEntry<string>.Edit("e9", Alice, 3, "m1", "v3"));
        log.Add(LogEntry<string>.Edit("e2", Alice, 2, "m1", "v2"));
        Assert.Equal("v3", log.GetMessage("m1")!.Content);
        log.Add(LogEntry<string>.Edit("ea", Alice, 3, "m1", "v3-later-id"));
        Assert.Equal("v3-later-id", log.GetMessage("m1")!.Content);
    }

    [Fact]
    public void Edits_by_someone_other_than_the_author_are_ignored()
    {
        var log = new CrdtLog<string>();
        log.Add(LogEntry<string>.Edit("e1", Bob, 9, "m1", "hijacked"));
        log.Add(Msg("m1", Alice, 1, "mine"));
        Assert.Equal("mine", log.GetMessage("m1")!.Content);
        Assert.False(log.GetMessage("m1")!.Edited);
    }

    [Fact]
    public void A_deleted_message_stays_deleted_whatever_arrives_before_or_after()
    {
        var log = new CrdtLog<string>();
        log.Add(LogEntry<string>.Delete("d1", Alice, 2, "m1"));
        log.Add(LogEntry<string>.Edit("e1", Alice, 7, "m1", "late edit"));
        log.Add(Msg("m1", Alice, 1, "secret"));
        log.Add(LogEntry<string>.AddReaction("r1", Bob, 8, "m1", "👍"));
        var view = Assert.Single(log.Materialize());
        Assert.True(view.Deleted);
        Assert.Null(view.Content);
        Assert.Null(view.EditId);
        Assert.Empty(view.Reactions);
    }

    [Fact]
    public void Reactions_are_last_writer_wins_per_reaction_and_reactor()
    {
        var log = new CrdtLog<string>();
        log.Add(Msg("m1", Alice, 1, "hi"));
        log.Add(LogEntry<string>.RemoveReaction("r2", Bob, 4, "m1", "👍"));
        log.Add(LogEntry<string>.AddReaction("r1", Bob, 3, "m1", "👍"));
        log.Add(LogEntry<string>.AddReaction("r3", Carol, 3, "m1", "👍"));
        log.Add(LogEntry<string>.AddReaction("r4", Alice, 2, "m1", "🎉"));
        log.Add(LogEntry<string>.AddReaction("r5", Bob, 5, "m1", "🎉"));
        log.Add(LogEntry<string>.AddReaction("r6", Carol, 6, "m1", "❤"));
        log.Add(LogEntry<string>.RemoveReaction("r7", Carol, 7, "m1", "❤"));
        // Bob's later remove beats his add; Carol's ❤ was removed; reactions and reactors sort ordinally.
        Assert.Equal([new ReactionView("🎉", [Alice, Bob]), new ReactionView("👍", [Carol])], log.GetMessage("m1")!.Reactions);
    }

    [Fact]
    public void Duplicates_are_ignored_and_conflicting_ids_are_rejected_without_changes()
    {
        var log = new CrdtLog<string>();
        Assert.True(log.Add(Msg("m1", Alice, 1, "hi")));
        Assert.False(log.Add(Msg("m1", Alice, 1, "hi")));
        var e = Assert.Throws<CrdtException>(() => log.AddRange([Msg("m2", Alice, 2, "ok"), Msg("m1", Alice, 1, "forged")]));
        Assert.Equal("crdt.conflict", e.Code);
        Assert.Single(log);
        Assert.False(log.Contains("m2"));
        Assert.Throws<CrdtException>(() => log.AddRange([Msg("m3", Alice, 3, "a"), Msg("m3", Bob, 3, "a")]));
        Assert.Single(log);
    }

    [Fact]
    public void Content_comparer_decides_whether_a_duplicate_is_the_same_entry()
    {
        var log = new CrdtLog<byte[]>(contentComparer: new ByteArrayComparer());
        log.Add(LogEntry<byte[]>.Message("m1", Alice, 1, [1, 2]));
        Assert.False(log.Add(LogEntry<byte[]>.Message("m1", Alice, 1, [1, 2])));
        Assert.Throws<CrdtException>(() => log.Add(LogEntry<byte[]>.Message("m1", Alice, 1, [1, 3])));
    }

    [Fact]
    public void Limits_are_enforced_and_change_nothing()
    {
        var options = new CrdtLogOptions { MaxEntries = 2, MaxLamport = 100, MaxIdLength = 4, MaxAuthorLength = 20, MaxReactionLength = 2 };
        var log = new CrdtLog<string>(options);
        log.Add(Msg("m1", Alice, 1, "a"));
        Assert.Equal("crdt.limit", Assert.Throws<CrdtException>(() => log.AddRange([Msg("m2", Alice, 2, "b"), Msg("m3", Alice, 3, "c")])).Code);
        Assert.Equal("crdt.limit", Assert.Throws<CrdtException>(() => log.Add(Msg("m4", Alice, 101, "d"))).Code);
        Assert.Equal("crdt.invalid_entry", Assert.Throws<CrdtException>(() => log.Add(Msg("m12345", Alice, 1, "d"))).Code);
        Assert.Equal("crdt.invalid_entry", Assert.Throws<CrdtException>(() => log.Add(Msg("m5", "did:key:" + new string('x', 20), 1, "d"))).Code);
        Assert.Equal("crdt.invalid_entry", Assert.Throws<CrdtException>(() => log.Add(LogEntry<string>.AddReaction("r1", Bob, 2, "m1", "abc"))).Code);
        Assert.Single(log);
        Assert.True(log.Add(Msg("m2", Alice, 100, "b")));
    }

    [Fact]
    public void Entries_must_fit_their_kind()
    {
        Assert.Throws<CrdtException>(() => new LogEntry<string>("", Alice, 1, EntryKind.Message));
        Assert.Throws<CrdtException>(() => new LogEntry<string>("x", "", 1, EntryKind.Message));
        Assert.Throws<CrdtException>(() => new LogEntry<string>("x", Alice, -1, EntryKind.Message));
        Assert.Throws<CrdtException>(() => new LogEntry<string>("x", Alice, 1, EntryKind.Message, target: "m1"));
        Assert.Throws<CrdtException>(() => new LogEntry<string>("x", Alice, 1, EntryKind.Edit));
        Assert.Throws<CrdtException>(() => new LogEntry<string>("x", Alice, 1, EntryKind.Delete, target: "x"));
        Assert.Throws<CrdtException>(() => new LogEntry<string>("x", Alice, 1, EntryKind.ReactionAdd, target: "m1"));
        Assert.Throws<CrdtException>(() => new LogEntry<string>("x", Alice, 1, EntryKind.Edit, target: "m1", reaction: "👍"));
        var e = Assert.Throws<CrdtException>(() => new LogEntry<string>("x", Alice, 1, (EntryKind)42, target: "m1"));
        Assert.Equal("crdt.invalid_entry", e.Code);
    }

    [Fact]
    public void Enumerates_every_entry_in_total_order()
    {
        var log = new CrdtLog<string>();
        log.AddRange([LogEntry<string>.Delete("d", Bob, 3, "m1"), Msg("m1", Alice, 1, "a"), LogEntry<string>.Edit("e", Alice, 2, "m1", "b")]);
        Assert.Equal(["m1", "e", "d"], log.Select(x => x.Id));
        Assert.Equal(0, log.Merge(log));
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]?>
    {
        public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[]? obj) => obj?.Length ?? 0;
    }
}
