namespace Harmony.Bench.Micro;

/// <summary>Anchor type for the benchmark switcher; BenchmarkDotNet prints the machine in every summary.</summary>
public static class MachineInfo;
