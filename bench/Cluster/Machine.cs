using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Harmony.Bench.Cluster;

/// <summary>Describes the machine the numbers come from.</summary>
internal static class Machine
{
    public static void Print()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        Console.WriteLine($"machine: {cpu ?? "unknown CPU"}, {Environment.ProcessorCount} logical cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0.#} GiB");
        Console.WriteLine($"os: {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}; load average {load}");
        Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, server GC {System.Runtime.GCSettings.IsServerGC}");
        using var sqlite = new SqliteConnection("Data Source=:memory:");
        sqlite.Open();
        Console.WriteLine($"sqlite: {sqlite.ServerVersion}");
    }
}
