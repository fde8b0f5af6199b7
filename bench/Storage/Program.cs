using Harmony.Bench.Storage;

// Raw batched appends into harmony_channel_log; see LogStoreBenchmark. Options: --runs N (default 7),
// --seconds S (target length of one run, default 1), --postgres "<connection string>" (default: HARMONY_TEST_POSTGRES
// or the CI server), --only sqlite|postgres.
return await LogStoreBenchmark.RunAsync(args);
