using System.Diagnostics;
using System.Globalization;
using Harmony.Core.Capabilities;
using Harmony.Core.Protocol;
using Orleans.Runtime;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Storage;
using LogEntry = Harmony.Grains.Storage.LogEntry;

namespace Harmony.Bench.Cluster;

/// <summary>
/// End-to-end numbers of one in-process Harmony node (co-hosted silo, <c>AddHarmonyNode</c>) on SQLite and on
/// PostgreSQL: acked appends/s on 1 and on 100 channels (closed loop, many concurrent appenders), append latency at
/// half the one-channel peak (open loop), read throughput paging a 10k-entry log, and, in the same run, the raw batched
/// insert rate of the same log table, plus a breakdown (no-op grain call rate, envelope verification cost, mean group
/// commit size). Envelopes and proofs are signed before each timed run. Medians over several runs.
/// </summary>
internal static class ClusterBenchmark
{
    private const int EnvelopeBytes = 256;
    private const int OneChannelConcurrency = 256;
    private const int ManyChannels = 100;
    private const int ManyChannelConcurrency = 1000;
    private const int ReadLogSize = 10_000;
    private const int RawBatch = 256;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = int.Parse(Arg(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var seconds = TimeSpan.FromSeconds(double.Parse(Arg(args, "--seconds") ?? "2", CultureInfo.InvariantCulture));
        var only = Arg(args, "--only");
        var server = Arg(args, "--postgres")
            ?? (Environment.GetEnvironmentVariable("HARMONY_TEST_POSTGRES") is { Length: > 0 } configured ? configured
                : "Host=127.0.0.1;Port=5432;Username=harmony;Password=harmony;Database=harmony_test");

        Machine.Print();
        Console.WriteLine($"runs: {runs} x {seconds.TotalSeconds:0.#} s; envelope ciphertext {EnvelopeBytes} B; proofs by capability reference; SQLite synchronous=FULL");
        foreach (var kind in new[] { "sqlite", "postgres" }.Where(k => only is null || only == k))
        {
            Console.WriteLine();
            Console.WriteLine($"## {kind}");
            await using var node = await BenchNode.StartAsync(kind, server);
            await RunStoreAsync(node, runs, seconds);
        }

        return 0;
    }

    private static async Task RunStoreAsync(BenchNode node, int runs, TimeSpan seconds)
    {
        var many = Enumerable.Range(0, ManyChannels).Select(i => "c" + i.ToString("000", CultureInfo.InvariantCulture)).ToList();
        var community = await BenchCommunity.CreateAsync(node.Client, ["one", "read", .. many], members: 16);
        string[] one = ["one"];
        var channel = node.Client.GetGrain<IChannelGrain>("one");

        // Warm-up (JIT, pools, chain cache) on every channel.
        await ClosedAsync(community.Generate(one, 3000, EnvelopeBytes), OneChannelConcurrency, TimeSpan.FromSeconds(30));
        await ClosedAsync(community.Generate(many, 3000, EnvelopeBytes), ManyChannelConcurrency, TimeSpan.FromSeconds(30));

        var oneRates = new List<double>();
        var batchSizes = new List<double>();
        var cpuPerAppend = new List<double>();
        var coresUsed = new List<double>();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var estimate = 5000.0;
        for (var run = 0; run < runs; run++)
        {
            var pool = community.Generate(one, Pool(estimate, seconds), EnvelopeBytes);
            var before = await channel.GetInfoAsync();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var (done, rate) = await ClosedAsync(pool, OneChannelConcurrency, seconds);
            process.Refresh();
            cpuPerAppend.Add((process.TotalProcessorTime - cpuBefore).TotalMicroseconds / done);
            coresUsed.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds / wall.Elapsed.TotalSeconds);
            var after = await channel.GetInfoAsync();
            oneRates.Add(rate);
            batchSizes.Add((after.LastSeq - before.LastSeq) / (double)Math.Max(1, after.BatchesWritten - before.BatchesWritten));
            estimate = Math.Max(estimate, rate);
        }

        var manyRates = new List<double>();
        estimate = Math.Max(estimate, 5000);
        for (var run = 0; run < runs; run++)
        {
            var (_, rate) = await ClosedAsync(community.Generate(many, Pool(estimate, seconds), EnvelopeBytes), ManyChannelConcurrency, seconds);
            manyRates.Add(rate);
            estimate = Math.Max(estimate, rate);
        }

        var peak = Stats.Median(oneRates);
        var paced = peak / 2;
        var p50s = new List<double>();
        var p99s = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var pool = community.Generate(one, (int)(paced * seconds.TotalSeconds) + 10, EnvelopeBytes);
            var latencies = await Load.OpenLoopAsync(i => pool[i].SendAsync(), pool.Length, paced, seconds);
            p50s.Add(Stats.Percentile(latencies, 50));
            p99s.Add(Stats.Percentile(latencies, 99));
        }

        // A 10k-entry log, paged with the largest page the grain allows.
        await ClosedAsync(community.Generate(["read"], ReadLogSize, EnvelopeBytes), OneChannelConcurrency, TimeSpan.FromMinutes(5));
        var reader = node.Client.GetGrain<IChannelGrain>("read");
        var pageSize = 200;
        var readRates = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            long after = 0, entries = 0;
            while (true)
            {
                var page = await reader.ReadAsync(after, pageSize, community.ReadProof);
                if (page.Entries.Count == 0) break;
                entries += page.Entries.Count;
                after = page.Entries[^1].Seq;
            }

            readRates.Add(entries / watch.Elapsed.TotalSeconds);
        }

        var rawEnvelopes = community.Generate(one, RawBatch, EnvelopeBytes).Select(a => a.Envelope).ToArray();
        var meanBatch = Stats.Median(batchSizes);
        var raw = new List<double>();
        var rawAtGrainBatch = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            raw.Add(await RawInsertsAsync(node.Store, "raw-" + run, rawEnvelopes, RawBatch, seconds));
            rawAtGrainBatch.Add(await RawInsertsAsync(node.Store, "raw-grain-" + run, rawEnvelopes, Math.Max(1, (int)Math.Round(meanBatch)), seconds));
        }

        // Breakdown: what one append costs besides storage.
        var ping = node.Client.GetGrain<IPingGrain>("ping");
        var payload = rawEnvelopes[0];
        var pingRates = new List<double>();
        for (var run = 0; run < runs; run++)
            pingRates.Add((await Load.ClosedLoopAsync(_ => ping.PingAsync(payload), int.MaxValue, OneChannelConcurrency, seconds)).PerSecond);
        var verifyMicros = VerifyCost(rawEnvelopes);
        var capabilityMicros = await CapabilityCheckCostAsync(community);

        var rawMedian = Stats.Median(raw);
        Console.WriteLine();
        Console.WriteLine("| measure | median | min | max |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row($"acked appends/s, 1 channel ({OneChannelConcurrency} concurrent appenders)", oneRates, "N0");
        Row($"acked appends/s, {ManyChannels} channels ({ManyChannelConcurrency} concurrent appenders)", manyRates, "N0");
        Row($"append latency p50 ms at {paced:N0}/s (half the 1-channel peak, open loop)", p50s, "0.0");
        Row($"append latency p99 ms at {paced:N0}/s", p99s, "0.0");
        Row($"read entries/s (paging a {ReadLogSize:N0}-entry log, {pageSize}/page)", readRates, "N0");
        Row($"raw inserts/s into harmony_channel_log, batch {RawBatch} (storage limit)", raw, "N0");
        Row($"raw inserts/s at the grain's mean batch ({meanBatch:0.#})", rawAtGrainBatch, "N0");
        Row($"no-op grain calls/s ({OneChannelConcurrency} concurrent, same payload size)", pingRates, "N0");
        Row("entries per group commit (1 channel peak)", batchSizes, "0.0");
        Row("process CPU µs per acked append (1 channel peak: client, silo and storage driver together)", cpuPerAppend, "0");
        Row($"cores this process got during the 1-channel runs (of {Environment.ProcessorCount})", coresUsed, "0.00");
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"acked/raw (1 channel): {peak / rawMedian:0.000}; acked/raw ({ManyChannels} channels): {Stats.Median(manyRates) / rawMedian:0.000}; envelope decode+verify {verifyMicros:0.0} µs on one core (ceiling {1e6 / verifyMicros:N0}/s per channel activation); capability check by reference (cached chain) {capabilityMicros:0.0} µs"));
    }

    private static Task<(int Completed, double PerSecond)> ClosedAsync(Append[] pool, int concurrency, TimeSpan duration) =>
        Load.ClosedLoopAsync(i => pool[i].SendAsync(), pool.Length, concurrency, duration);

    private static int Pool(double estimate, TimeSpan seconds) => (int)(estimate * seconds.TotalSeconds * 1.5) + 1000;

    private static async Task<double> RawInsertsAsync(IMessageLogStore store, string channel, byte[][] envelopes, int batchSize, TimeSpan duration)
    {
        var seq = 0L;
        var rows = 0L;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            var batch = new LogEntry[batchSize];
            for (var i = 0; i < batchSize; i++)
            {
                seq++;
                batch[i] = new LogEntry(seq, "raw" + seq.ToString(CultureInfo.InvariantCulture), seq, "did:key:bench", 0, envelopes[(int)(seq % envelopes.Length)], DateTimeOffset.UtcNow);
            }

            await store.AppendBatchAsync(channel, batch);
            rows += batchSize;
        }

        return rows / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> CapabilityCheckCostAsync(BenchCommunity community)
    {
        var verifier = new CapabilityVerifier();
        var target = InvocationTargets.Community(community.Id);
        await verifier.VerifyCapabilityAsync(community.FirstInvite!, community.OwnerDid, target);
        var watch = Stopwatch.StartNew();
        var n = 0;
        while (watch.ElapsedMilliseconds < 500)
        {
            await verifier.VerifyCapabilityAsync(community.FirstInvite!, community.OwnerDid, target);
            n++;
        }

        return watch.Elapsed.TotalMilliseconds * 1000 / n;
    }

    private static double VerifyCost(byte[][] envelopes)
    {
        var watch = Stopwatch.StartNew();
        var n = 0;
        while (watch.ElapsedMilliseconds < 500)
        {
            var envelope = EnvelopeCodec.Decode(envelopes[n++ % envelopes.Length]);
            if (!EnvelopeCodec.Verify(envelope)) throw new InvalidOperationException("A generated envelope does not verify.");
        }

        return watch.Elapsed.TotalMilliseconds * 1000 / n;
    }

    private static void Row(string name, List<double> values, string format) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Stats.Median(values).ToString(format, CultureInfo.InvariantCulture)} | {values.Min().ToString(format, CultureInfo.InvariantCulture)} | {values.Max().ToString(format, CultureInfo.InvariantCulture)} |"));

    private static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
