using FsCheck;
using FsCheck.Fluent;
using Harmony.Core.Crdt;

namespace Harmony.Core.Tests.Crdt;

/// <summary>
/// A random history of a channel written by three authors, each stamping entries with its own Lamport clock and
/// syncing with the others now and then (so later entries causally follow what their author had seen).
/// </summary>
internal sealed class CrdtScenario
{
    // Mixed case on purpose: ordinal order differs from culture order ("Z" < "a").
    public static readonly string[] Authors = ["did:key:z6MkZed", "did:key:z6Mkalice", "did:key:z6Mkbob"];
    private static readonly string[] Reactions = ["👍", "🎉", "a"];

    private CrdtScenario(List<LogEntry<string>> entries, Dictionary<string, HashSet<string>> causalPast)
    {
        Entries = entries;
        CausalPast = causalPast;
    }

    /// <summary>Every entry, in creation order.</summary>
    public List<LogEntry<string>> Entries { get; }

    /// <summary>For each entry id, the ids its author had seen when creating it.</summary>
    public Dictionary<string, HashSet<string>> CausalPast { get; }

    public override string ToString() =>
        string.Join("; ", Entries.Select(e => $"{e.Id}:{e.Kind}@{e.Lamport}/{e.Author[^3..]}{(e.Target is null ? "" : "->" + e.Target)}{e.Reaction}"));

    /// <summary>One step: actor, action (0-9), a pick among known messages, a reaction, a peer to sync from.</summary>
    public sealed record Step(int Actor, int Action, int Pick, int Reaction, int Peer);

    public static Gen<Step> StepGen { get; } =
        from actor in Gen.Choose(0, 2)
        from action in Gen.Choose(0, 9)
        from pick in Gen.Choose(0, 1000)
        from reaction in Gen.Choose(0, Reactions.Length - 1)
        from peer in Gen.Choose(0, 2)
        select new Step(actor, action, pick, reaction, peer);

    public static Gen<CrdtScenario> Generator { get; } = Gen.ListOf(StepGen).Select(steps => Play(steps));

    public static CrdtScenario Play(IEnumerable<Step> steps)
    {
        var clocks = Authors.Select(_ => new LamportClock()).ToArray();
        var known = Authors.Select(_ => new List<LogEntry<string>>()).ToArray();
        var knownIds = Authors.Select(_ => new HashSet<string>()).ToArray();
        var entries = new List<LogEntry<string>>();
        var past = new Dictionary<string, HashSet<string>>();
        foreach (var step in steps)
        {
            var me = step.Actor;
            if (step.Action == 9)
            {
                foreach (var entry in known[step.Peer].Where(e => knownIds[me].Add(e.Id)).ToList())
                {
                    known[me].Add(entry);
                    clocks[me].Observe(entry.Lamport);
                }
                continue;
            }
            var messages = known[me].Where(e => e.Kind == EntryKind.Message).ToList();
            var id = entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var author = Authors[me];
            var target = messages.Count == 0 ? null : messages[step.Pick % messages.Count].Id;
            var reaction = Reactions[step.Reaction];
            LogEntry<string>? created = step.Action switch
            {
                <= 2 => LogEntry<string>.Message(id, author, clocks[me].Tick(), "text " + id),
                <= 4 when target is not null => LogEntry<string>.Edit(id, author, clocks[me].Tick(), target, "edit " + id),
                5 when target is not null => LogEntry<string>.Delete(id, author, clocks[me].Tick(), target),
                <= 7 when target is not null => LogEntry<string>.AddReaction(id, author, clocks[me].Tick(), target, reaction),
                8 when target is not null => LogEntry<string>.RemoveReaction(id, author, clocks[me].Tick(), target, reaction),
                _ => null,
            };
            if (created is null) continue;
            past[id] = [.. knownIds[me]];
            entries.Add(created);
            known[me].Add(created);
            knownIds[me].Add(id);
        }
        return new CrdtScenario(entries, past);
    }
}
