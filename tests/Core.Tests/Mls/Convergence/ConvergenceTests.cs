using System.Diagnostics;
using Harmony.Core.Mls.Group;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Mls.Convergence;

/// <summary>
/// Groups of 2, 10 and 100 members under seeded random add/remove/update commits, some of them racing for the same
/// epoch: after every commit all members share the epoch authenticator, read every application message of their
/// epochs (including late ones from the previous epoch), and removed members read nothing sent after their removal.
/// </summary>
public sealed class ConvergenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(3, 11)]
    [InlineData(3, 12)]
    [InlineData(1, 13)]
    public void TwoMembersConverge(ushort suite, int seed) => Run(suite, seed, size: 2, steps: 60, concurrency: 0.3);

    [Theory]
    [InlineData(3, 21)]
    [InlineData(1, 22)]
    public void TenMembersConverge(ushort suite, int seed) => Run(suite, seed, size: 10, steps: 40, concurrency: 0.25);

    [Fact]
    public void TenMembersConvergeWithEncryptedHandshakes()
        => Run(3, 23, size: 10, steps: 25, concurrency: 0.25, new MlsGroupOptions { EncryptHandshakeMessages = true });

    [Fact]
    public void HundredMembersConverge() => Run(3, 31, size: 100, steps: 25, concurrency: 0.3);

    [Fact]
    public void ConcurrentCommitsEveryEpochDoNotFork()
    {
        var clock = Stopwatch.StartNew();
        var sim = new ConvergenceSimulation(3, 41, targetSize: 8);
        sim.GrowTo(8, batch: 4);
        for (var i = 0; i < 15; i++) sim.RandomStep(concurrency: 1.0);
        Report(sim, clock);
        Assert.True(sim.LostRaces >= 15, "Every step should have raced at least two commits.");
        Assert.Equal(sim.LostRaces, sim.DeliveryService.Rejected);
    }

    private void Run(ushort suite, int seed, int size, int steps, double concurrency, MlsGroupOptions? options = null)
    {
        var clock = Stopwatch.StartNew();
        var sim = new ConvergenceSimulation(suite, seed, size, options);
        sim.GrowTo(size, batch: Math.Max(1, size / 5));
        for (var i = 0; i < steps; i++) sim.RandomStep(concurrency);
        Report(sim, clock);
        // The seeded runs must actually have exercised removals and races, or the assertions above proved little.
        Assert.True(sim.Removals > 0, "No member was removed.");
        Assert.True(sim.RemovedMemberRejections > 0, "No removed member was tested.");
        Assert.True(sim.LostRaces > 0, "No concurrent commits happened.");
    }

    private void Report(ConvergenceSimulation sim, Stopwatch clock)
        => output.WriteLine($"size {sim.Size}, commits {sim.DeliveryService.Accepted} accepted / {sim.DeliveryService.Rejected} rejected, " +
            $"lost races {sim.LostRaces}, removals {sim.Removals}, decrypted {sim.MessagesDecrypted}, " +
            $"removed-member rejections {sim.RemovedMemberRejections}, {clock.ElapsedMilliseconds} ms");
}
