using BenchmarkDotNet.Running;

// Runs every micro benchmark in this assembly; pass BenchmarkDotNet arguments (e.g. --filter '*Ed25519*').
BenchmarkSwitcher.FromAssembly(typeof(Harmony.Bench.Micro.MachineInfo).Assembly).Run(args);
