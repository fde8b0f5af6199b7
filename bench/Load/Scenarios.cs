namespace Harmony.Bench.Load;

/// <summary>The scenarios: repeated runs against Harmony, each followed by the same run against the raw baseline.</summary>
internal static class Scenarios
{
    public static async Task<ReportRow> OpenLoopAsync(string name, ServerTarget harmony, ServerTarget? raw, int subscribers, int publishers, double rate, LoadOptions o)
    {
        Console.WriteLine($"== {name}: {subscribers} subscribers, {publishers} publishers, {rate:N0} msg/s offered ({rate * subscribers:N0} deliveries/s)");
        var row = new ReportRow(name, subscribers, publishers, rate);
        for (var run = 1; run <= o.Runs; run++)
        {
            var h = await LoadRun.OpenLoopAsync(harmony.Server, await harmony.SubscribersAsync(subscribers), await harmony.PublishersAsync(publishers), rate, o);
            Console.WriteLine($"  run {run} harmony: {h}");
            row.Harmony.Add(h);
            if (raw is null) continue;
            var r = await LoadRun.OpenLoopAsync(raw.Server, await raw.SubscribersAsync(subscribers), await raw.PublishersAsync(publishers), rate, o);
            Console.WriteLine($"  run {run} raw:     {r}");
            row.Raw.Add(r);
        }
        return row;
    }

    public static async Task<ReportRow> IngestAsync(ServerTarget harmony, ServerTarget? raw, LoadOptions o)
    {
        var p = o.IngestPublishers;
        Console.WriteLine($"== ingest: {p} publishers, closed loop with {o.IngestWindow} sends in flight each, no subscribers");
        var row = new ReportRow("ingest", 0, p, double.NaN);
        for (var run = 1; run <= o.Runs; run++)
        {
            await harmony.SubscribersAsync(0);
            var h = await LoadRun.ClosedLoopAsync(harmony.Server, await harmony.PublishersAsync(p), o.IngestMax, cycle: false, o);
            Console.WriteLine($"  run {run} harmony: {h}");
            row.Harmony.Add(h);
            if (raw is null) continue;
            await raw.SubscribersAsync(0);
            var r = await LoadRun.ClosedLoopAsync(raw.Server, await raw.PublishersAsync(p), o.IngestMax, cycle: true, o);
            Console.WriteLine($"  run {run} raw:     {r}");
            row.Raw.Add(r);
        }
        return row;
    }
}
