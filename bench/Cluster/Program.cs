using Harmony.Bench.Cluster;

// Acked appends/s, latency at half load, read throughput and the raw storage limit of an in-process Harmony node; see
// ClusterBenchmark. Options: --runs N (default 5), --seconds S (length of one timed run, default 2),
// --only sqlite|postgres, --postgres "<server connection string>" (default: HARMONY_TEST_POSTGRES or the CI server).
return await ClusterBenchmark.RunAsync(args);
