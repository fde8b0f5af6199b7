using Harmony.Core.Crdt;

namespace Harmony.Core.Tests.Crdt;

/// <summary>
/// A deliberately naive reference for the materialized view, written straight from the rules (quadratic scans over
/// the whole entry set, explicit tuple comparisons) and sharing no code with <see cref="CrdtLog{T}"/>.
/// </summary>
internal static class CrdtOracle
{
    public static List<MessageView<string>> View(IEnumerable<LogEntry<string>> entrySet)
    {
        var entries = entrySet.DistinctBy(e => e.Id).ToList();
        var messages = entries.Where(e => e.Kind == EntryKind.Message).ToList();
        messages.Sort(Compare);
        var view = new List<MessageView<string>>();
        foreach (var m in messages)
        {
            if (entries.Any(e => e.Kind == EntryKind.Delete && e.Target == m.Id))
            {
                view.Add(new MessageView<string>(m.Id, m.Author, m.Lamport, null, null, true, []));
                continue;
            }
            LogEntry<string>? winner = null;
            foreach (var e in entries.Where(e => e.Kind == EntryKind.Edit && e.Target == m.Id && e.Author == m.Author))
            {
                if (winner is null || Compare(e, winner) > 0) winner = e;
            }
            var reactions = new List<ReactionView>();
            var names = entries.Where(e => e.Target == m.Id && e.Reaction is not null).Select(e => e.Reaction!).Distinct().ToList();
            names.Sort(string.CompareOrdinal);
            foreach (var name in names)
            {
                var reactors = new List<string>();
                foreach (var reactor in entries.Where(e => e.Target == m.Id && e.Reaction == name).Select(e => e.Author).Distinct())
                {
                    var latest = entries.Where(e => e.Target == m.Id && e.Reaction == name && e.Author == reactor).ToList();
                    latest.Sort(Compare);
                    if (latest[^1].Kind == EntryKind.ReactionAdd) reactors.Add(reactor);
                }
                reactors.Sort(string.CompareOrdinal);
                if (reactors.Count > 0) reactions.Add(new ReactionView(name, reactors));
            }
            view.Add(new MessageView<string>(m.Id, m.Author, m.Lamport, winner?.Content ?? m.Content, winner?.Id, false, reactions));
        }
        return view;
    }

    private static int Compare(LogEntry<string> a, LogEntry<string> b)
    {
        if (a.Lamport != b.Lamport) return a.Lamport < b.Lamport ? -1 : 1;
        var byAuthor = string.CompareOrdinal(a.Author, b.Author);
        return byAuthor != 0 ? byAuthor : string.CompareOrdinal(a.Id, b.Id);
    }
}
