using BenchmarkDotNet.Running;

// Runs every micro benchmark in this assembly; pass BenchmarkDotNet arguments (e.g. --filter '*Ed25519*').
// `mls-cpu` instead measures the MLS group-size operations in CPU time (see MlsGroupSizeCpuProbe).
if (args is ["mls-cpu"])
{
    Harmony.Bench.Micro.MlsGroupSizeCpuProbe.Run(Console.Out);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Harmony.Bench.Micro.MachineInfo).Assembly).Run(args);
