using System.Diagnostics;
using System.Globalization;
using Harmony.Core.Crypto;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;

namespace Harmony.Bench.Micro;

/// <summary>
/// The operations of <see cref="MlsGroupSizeBenchmarks"/> measured in process CPU time per operation instead of wall
/// time. On the shared build machine wall time is mostly waiting for a core (load averages of 20–30 on 2 cores), which
/// inflates and scrambles the group-size comparison; CPU time (all threads, so garbage collection counts) is what the
/// operation costs. Run: <c>dotnet run -c Release -- mls-cpu</c>.
/// </summary>
public static class MlsGroupSizeCpuProbe
{
    private const int Rounds = 5;

    /// <summary>Measures groups of 10, 100 and 1,000 members (suite 3) and prints one line per size.</summary>
    public static void Run(TextWriter output)
    {
        var suite = CipherSuite.FromId(3);
        var payload = new byte[1024];
        output.WriteLine("members | add (commit + Welcome) | process add commit | encrypt 1 KiB | encrypt + decrypt 1 KiB   (median of 5 rounds, ms CPU per op)");
        // A first, unprinted pass lets the JIT finish tiering up, whose background compilation would count as CPU time.
        foreach (var (members, print) in new[] { (10, false), (10, true), (100, true), (1000, true) })
        {
            using var creator = MlsGroup.Create(suite, "bench-scale"u8.ToArray(), Bundle(suite, "creator"));
            var bundles = Enumerable.Range(0, members - 1).Select(i => Bundle(suite, $"member-{i}")).ToList();
            var build = creator.Commit(bundles.Select(b => (Proposal)new AddProposal(b.KeyPackage)).ToList());
            creator.MergePendingCommit();
            using var receiver = MlsGroup.Join(build.Welcome!.Welcome!, bundles[^1]);
            var receiverState = receiver.ExportState();
            var newcomer = Bundle(suite, "newcomer");
            var addCommit = MlsMessage.Parse(creator.Commit([new AddProposal(newcomer.KeyPackage)]).Commit.ToBytes());
            creator.ClearPendingCommit();

            var add = Median(200, () =>
            {
                creator.Commit([new AddProposal(newcomer.KeyPackage)]);
                creator.ClearPendingCommit();
            });
            // Each processing needs a fresh receiver in the old epoch; they are imported before the clock starts.
            var process = Median(100, null, () =>
            {
                var fresh = Enumerable.Range(0, 100).Select(_ => MlsGroup.ImportState(receiverState)).ToList();
                var next = 0;
                return () => fresh[next++].Process(addCommit);
            });
            var encryptAndDecrypt = Median(1000, () => receiver.Process(creator.EncryptApplication(payload)));
            var encrypt = Median(1000, () => creator.EncryptApplication(payload));
            if (print) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{members,7} | {add,22:F3} | {process,18:F3} | {encrypt,13:F3} | {encryptAndDecrypt,23:F3}"));
        }
    }

    private static double Median(int iterations, Action? operation, Func<Action>? prepare = null)
    {
        var process = Process.GetCurrentProcess();
        var results = new double[Rounds];
        for (var round = -1; round < Rounds; round++)
        {
            var op = operation ?? prepare!();
            process.Refresh();
            var start = process.TotalProcessorTime;
            for (var i = 0; i < iterations; i++) op();
            process.Refresh();
            // Round -1 warms up (JIT tiering, pools) and is not counted.
            if (round >= 0) results[round] = (process.TotalProcessorTime - start).TotalMilliseconds / iterations;
        }
        Array.Sort(results);
        return results[Rounds / 2];
    }

    private static KeyPackageBundle Bundle(CipherSuite suite, string name)
    {
        using var key = Ed25519KeyPair.Generate();
        return KeyPackageBundle.Create(suite, Credential.Basic(System.Text.Encoding.UTF8.GetBytes(name)), key.ExportSeed(), DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromDays(30));
    }
}
