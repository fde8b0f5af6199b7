namespace Harmony.Bench.Load;

/// <summary>One line of the final table: medians of the Harmony and raw runs of a scenario.</summary>
internal sealed class ReportRow(string scenario, int subscribers, int publishers, double rate)
{
    public List<RunResult> Harmony { get; } = [];

    public List<RunResult> Raw { get; } = [];

    public static void PrintTable(IEnumerable<ReportRow> rows)
    {
        Console.WriteLine("| scenario | S | P | offered msg/s | Harmony delivered/s | raw delivered/s | Harmony/raw | Harmony acked/s | Harmony p50 / p95 / p99 ms | raw p50 / p99 ms | server CPU, cores (% of machine), Harmony / raw | load gen. cores | errors / lost |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows) Console.WriteLine(row.Format());
    }

    private static string Cpu(double cores) => $"{cores:0.00} ({cores * 100 / Environment.ProcessorCount:0} %)";

    private string Format()
    {
        double H(Func<RunResult, double> f) => Stats.Median(Harmony.Select(f));
        double R(Func<RunResult, double> f) => Raw.Count == 0 ? double.NaN : Stats.Median(Raw.Select(f));
        var ingest = double.IsNaN(rate);
        var harmonyRate = ingest ? H(r => r.AckedPerSecond) : H(r => r.DeliveredPerSecond);
        var rawRate = ingest ? R(r => r.AckedPerSecond) : R(r => r.DeliveredPerSecond);
        var label = ingest ? "closed loop" : rate.ToString("N0");
        return $"| {scenario} | {subscribers} | {publishers} | {label} | {(ingest ? "—" : harmonyRate.ToString("N0"))} | {(ingest ? "—" : rawRate.ToString("N0"))} | " +
            $"{harmonyRate / rawRate:0.00} | {H(r => r.AckedPerSecond):N0} | {H(r => r.P50Ms):0.00} / {H(r => r.P95Ms):0.00} / {H(r => r.P99Ms):0.00} | " +
            $"{R(r => r.P50Ms):0.00} / {R(r => r.P99Ms):0.00} | {Cpu(H(r => r.ServerCores))} / {Cpu(R(r => r.ServerCores))} | {H(r => r.ClientCores):0.00} | " +
            $"{Harmony.Sum(r => r.Errors)} / {Harmony.Sum(r => r.Lost)} |";
    }
}
