using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Harmony.Core.Crdt;
using Xunit;

namespace Harmony.Core.Tests.Crdt;

/// <summary>FsCheck properties: convergence under any delivery, the merge laws, and the total Lamport order.</summary>
public sealed class CrdtPropertyTests
{
    /// <summary>A scenario plus, per replica, a delivery: a shuffle of all entries with some delivered twice.</summary>
    private static Arbitrary<(CrdtScenario Scenario, List<LogEntry<string>[]> Deliveries)> DeliveredScenarios { get; } =
        CrdtScenario.Generator.SelectMany(scenario =>
                Gen.ListOf(Delivery(scenario.Entries), 3).Select(deliveries => (scenario, deliveries.ToList())))
            .ToArbitrary();

    private static Arbitrary<(CrdtScenario Scenario, LogEntry<string>[][] Subsets)> ScenarioSubsets { get; } =
        CrdtScenario.Generator.SelectMany(scenario =>
                Gen.ListOf(Gen.SubListOf(scenario.Entries.ToArray()).Select(s => s.ToArray()), 3).Select(subsets => (scenario, subsets.ToArray())))
            .ToArbitrary();

    private static Gen<LogEntry<string>[]> Delivery(List<LogEntry<string>> entries) =>
        Gen.SubListOf(entries.ToArray()).SelectMany(duplicates => Gen.Shuffle(entries.Concat(duplicates).ToArray()));

    [Property(MaxTest = 300)]
    public Property Replicas_receiving_entries_in_any_order_and_multiplicity_converge_to_the_reference_view() =>
        Prop.ForAll(DeliveredScenarios, input =>
        {
            var expected = CrdtOracle.View(input.Scenario.Entries);
            foreach (var delivery in input.Deliveries)
            {
                var replica = new CrdtLog<string>();
                for (var i = 0; i < delivery.Length; i++)
                {
                    // Mix single adds with small batches, as live delivery and sync pages both happen.
                    if (i % 3 == 2 && i + 1 < delivery.Length)
                    {
                        replica.AddRange([delivery[i], delivery[i + 1]]);
                        i++;
                    }
                    else
                    {
                        replica.Add(delivery[i]);
                    }
                }
                Assert.Equal(input.Scenario.Entries.Count, replica.Count);
                Assert.Equal(expected, replica.Materialize());
            }
        });

    [Property(MaxTest = 300)]
    public Property Merge_is_commutative_associative_and_idempotent() =>
        Prop.ForAll(ScenarioSubsets, input =>
        {
            var (a, b, c) = (input.Subsets[0], input.Subsets[1], input.Subsets[2]);

            var ab = Union(a, b);
            var ba = Union(b, a);
            AssertSameState(ab, ba);

            var abThenC = Union(a, b);
            abThenC.Merge(Log(c));
            var aThenBc = Log(a);
            aThenBc.Merge(Union(b, c));
            AssertSameState(abThenC, aThenBc);

            var aa = Log(a);
            Assert.Equal(0, aa.Merge(Log(a)));
            AssertSameState(Log(a), aa);

            Assert.Equal(CrdtOracle.View(a.Concat(b).Concat(c)), abThenC.Materialize());
        });

    [Property(MaxTest = 300)]
    public Property Entry_order_is_total_and_follows_lamport_causality() =>
        Prop.ForAll(CrdtScenario.Generator.ToArbitrary(), scenario =>
        {
            var entries = scenario.Entries;
            var byId = entries.ToDictionary(e => e.Id);
            foreach (var e in entries)
            {
                foreach (var before in scenario.CausalPast[e.Id])
                {
                    Assert.True(byId[before].Order < e.Order, $"{before} happened before {e.Id} but does not sort first");
                    Assert.True(byId[before].Lamport < e.Lamport);
                }
            }
            foreach (var x in entries)
            {
                foreach (var y in entries)
                {
                    var xy = x.Order.CompareTo(y.Order);
                    Assert.Equal(-Math.Sign(xy), Math.Sign(y.Order.CompareTo(x.Order)));
                    Assert.Equal(ReferenceEquals(x, y), xy == 0);
                    if (xy >= 0) continue;
                    foreach (var z in entries)
                    {
                        if (y.Order.CompareTo(z.Order) < 0) Assert.True(x.Order.CompareTo(z.Order) < 0);
                    }
                }
            }
            var log = Log([.. entries]);
            Assert.Equal(entries.OrderBy(e => e.Order).Select(e => e.Id), log.Select(e => e.Id));
        });

    private static CrdtLog<string> Log(LogEntry<string>[] entries)
    {
        var log = new CrdtLog<string>();
        log.AddRange(entries);
        return log;
    }

    private static CrdtLog<string> Union(LogEntry<string>[] first, LogEntry<string>[] second)
    {
        var log = Log(first);
        log.Merge(Log(second));
        return log;
    }

    private static void AssertSameState(CrdtLog<string> x, CrdtLog<string> y)
    {
        Assert.Equal(x.Select(e => e.Id), y.Select(e => e.Id));
        Assert.Equal(x.HighestLamport, y.HighestLamport);
        Assert.Equal(x.Materialize(), y.Materialize());
    }
}
