using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Postgres;
using Harmony.Grains.Storage.Schema;
using Harmony.Grains.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Harmony.Bench.Storage;

/// <summary>
/// Measures appended rows per second for <see cref="IMessageLogStore.AppendBatchAsync"/> (one transaction per batch)
/// on SQLite (WAL; synchronous FULL and NORMAL) and PostgreSQL, for batch sizes 1, 16 and 128, one writer, 256-byte
/// envelopes. Each case gets a fresh database, a warm-up, then several timed runs; the median run is reported.
/// (A console program rather than BenchmarkDotNet: bench/Micro cannot reference Orleans.Sdk's Roslyn 5 alongside
/// BenchmarkDotNet's Roslyn 4.14.)
/// </summary>
internal static class LogStoreBenchmark
{
    private const int EnvelopeBytes = 256;
    private static readonly int[] BatchSizes = [1, 16, 128];

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = IntArg(args, "--runs", 7);
        var seconds = double.Parse(Arg(args, "--seconds") ?? "1", CultureInfo.InvariantCulture);
        var only = Arg(args, "--only");
        var server = Arg(args, "--postgres")
            ?? (Environment.GetEnvironmentVariable("HARMONY_TEST_POSTGRES") is { Length: > 0 } configured ? configured
                : "Host=127.0.0.1;Port=5432;Username=harmony;Password=harmony;Database=harmony_test");

        PrintMachine();
        Console.WriteLine($"runs per case: {runs}, target run length: {seconds:0.##} s, envelope: {EnvelopeBytes} bytes, one writer");
        Console.WriteLine();
        Console.WriteLine("| store | batch | median rows/s | min rows/s | max rows/s | median ms/batch |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var stores = new List<string>();
        if (only is null or "sqlite")
        {
            stores.AddRange(["SQLite FULL", "SQLite NORMAL"]);
        }

        if (only is null or "postgres")
        {
            stores.Add("PostgreSQL");
        }

        foreach (var store in stores)
        {
            foreach (var batch in BatchSizes)
            {
                await using var target = await BenchTarget.CreateAsync(store, server);
                var result = await MeasureAsync(target.Store, batch, runs, seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {store} | {batch} | {result.Median:N0} | {result.Min:N0} | {result.Max:N0} | {batch * 1000.0 / result.Median:0.###} |"));
            }
        }

        return 0;
    }

    private static async Task<(double Median, double Min, double Max)> MeasureAsync(IMessageLogStore store, int batchSize, int runs, double seconds)
    {
        var envelope = new byte[EnvelopeBytes];
        Random.Shared.NextBytes(envelope);
        var seq = 0L;
        var channel = "bench";
        LogEntry[] NextBatch()
        {
            var batch = new LogEntry[batchSize];
            for (var i = 0; i < batchSize; i++)
            {
                seq++;
                batch[i] = new LogEntry(seq, "m" + seq.ToString(CultureInfo.InvariantCulture), seq,
                    "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", 1, envelope, DateTimeOffset.UtcNow);
            }

            return batch;
        }

        // Warm-up: JIT, connection pools, first pages of the table; also sizes the runs to the target length.
        var warmup = Stopwatch.StartNew();
        var warmupBatches = 0;
        while (warmup.Elapsed < TimeSpan.FromSeconds(Math.Max(0.3, seconds / 3)) || warmupBatches < 5)
        {
            await store.AppendBatchAsync(channel, NextBatch());
            warmupBatches++;
        }

        var perBatch = warmup.Elapsed.TotalSeconds / warmupBatches;
        var batchesPerRun = Math.Max(5, (int)(seconds / perBatch));
        var rates = new double[runs];
        for (var run = 0; run < runs; run++)
        {
            var batches = Enumerable.Range(0, batchesPerRun).Select(_ => NextBatch()).ToArray();
            var watch = Stopwatch.StartNew();
            foreach (var batch in batches)
            {
                await store.AppendBatchAsync(channel, batch);
            }

            watch.Stop();
            rates[run] = batchesPerRun * (double)batchSize / watch.Elapsed.TotalSeconds;
        }

        Array.Sort(rates);
        return (rates[runs / 2], rates[0], rates[^1]);
    }

    private static void PrintMachine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        Console.WriteLine($"machine: {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} logical cores, {cpu ?? "unknown CPU"}");
        Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, memory {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0.#} GiB visible");
        using var sqlite = new SqliteConnection("Data Source=:memory:");
        sqlite.Open();
        Console.WriteLine($"sqlite: {sqlite.ServerVersion}; temp dir {Path.GetTempPath()}");
    }

    private static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int IntArg(string[] args, string name, int fallback) =>
        Arg(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
