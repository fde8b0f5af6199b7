using System.Runtime.InteropServices;

namespace Harmony.Bench.Load;

/// <summary>Describes the machine the numbers come from.</summary>
internal static class Machine
{
    public static string LoadAverage => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static void Print()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        Console.WriteLine($"machine: {cpu ?? "unknown CPU"}, {Environment.ProcessorCount} logical cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0.#} GiB");
        Console.WriteLine($"os: {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}; load average {LoadAverage}");
        Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, server GC {System.Runtime.GCSettings.IsServerGC}");
    }
}
