using System.Globalization;
using Harmony.Bench.Load;

// bench/Load: a real Harmony node and a raw SignalR baseline, each in its own process, under the same load of
// SignalR clients (MessagePack) on this machine. See docs/benchmarks.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = LoadOptions.Parse(args);
ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 8), 64);
Machine.Print();
var (serverDll, baselineDll) = Binaries.Locate(options);
Console.WriteLine($"harmony server: {serverDll}");
if (options.Baseline) Console.WriteLine($"raw baseline:   {baselineDll}");
Console.WriteLine($"runs {options.Runs} × ({options.Warmup:0.#} s warm-up + {options.Duration:0.#} s measured); ciphertext {options.Size} bytes; " +
    "the node runs with its hub rate limits raised (ConnectionRate/DidRate 1,000,000/s)");
Console.WriteLine();

await using var harmony = await ServerTarget.StartHarmonyAsync(serverDll);
await using var raw = options.Baseline ? await ServerTarget.StartBaselineAsync(baselineDll) : null;
var rows = new List<ReportRow>();

if (options.Scenario is "all" or "light")
{
    var rate = options.Scenario == "light" && options.Rate > 0 ? options.Rate : 200;
    rows.Add(await Scenarios.OpenLoopAsync("light", harmony, raw, 10, options.Publishers, rate, options));
}
if (options.Scenario is "all" or "fanout")
{
    foreach (var s in options.Subscribers.Order())
        rows.Add(await Scenarios.OpenLoopAsync("fanout", harmony, raw, s, options.Publishers, options.Rate > 0 ? options.Rate : 60_000.0 / s, options));
}
if (options.Scenario is "all" or "ingest")
{
    rows.Add(await Scenarios.IngestAsync(harmony, raw, options));
}

Console.WriteLine();
Console.WriteLine($"medians of {options.Runs} runs; load average now {Machine.LoadAverage}");
ReportRow.PrintTable(rows);
