using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Harmony.Grains.Abstractions.Authorization;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Abstractions.Errors;
using Harmony.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using StoredEntry = Harmony.Grains.Storage.LogEntry;
using Harmony.Grains.Tests.Support;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Harmony.Grains.Tests.Cluster;

/// <summary>
/// Three silos share one durable database. While 1,000 appends run concurrently against one channel, the silo hosting
/// the channel grain is killed (or stopped); clients retry unacknowledged appends with the same signed envelope bytes.
/// Afterwards the log holds every envelope exactly once, with sequence numbers 1..N and no gaps.
/// </summary>
public abstract class FailoverTests<TDatabase>(ITestOutputHelper output) : IAsyncLifetime
    where TDatabase : DurableDatabase, new()
{
    private const int Count = 1000;
    private const int Concurrency = 32;
    private const int Authors = 4;
    private const int KillAfterAcks = 250;
    private const int MaxAttempts = 25;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly TDatabase _database = new();

    /// <inheritdoc />
    public Task InitializeAsync() => _database.InitializeAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public Task Killing_the_silo_hosting_the_channel_loses_nothing_and_duplicates_nothing() => RunAsync(kill: true);

    [Fact]
    public Task Stopping_the_silo_hosting_the_channel_loses_nothing_and_duplicates_nothing() => RunAsync(kill: false);

    private async Task RunAsync(bool kill)
    {
        var cluster = await DurableTestCluster.DeployAsync(_database, silos: 3);
        try
        {
            var s = await CommunityScenario.CreateAsync(cluster.Client);
            var authors = Enumerable.Range(0, Authors).Select(_ => new Actor()).ToArray();
            var capabilities = new JsonObject[Authors];
            for (var a = 0; a < Authors; a++) capabilities[a] = await s.JoinAsync(authors[a]);
            var envelopes = Enumerable.Range(0, Count)
                .Select(i => authors[i % Authors].SignEnvelope(s.ChannelA, lamport: (ulong)(i / Authors + 1)))
                .ToArray();
            var ids = envelopes.Select(Actor.IdOf).ToArray();
            var channel = s.Channel(s.ChannelA);
            await channel.GetInfoAsync();
            var victim = HostOf(cluster, channel);

            var results = new AppendResult?[Count];
            var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            var enoughAcked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var failoverDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var failoverStarted = 0;
            var next = -1;
            var acked = 0;

            async Task<AppendResult> AppendWithRetriesAsync(int i)
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        // The same signed bytes every time: the envelope id makes the retry idempotent.
                        return await s.AppendAsync(s.ChannelA, envelopes[i], capabilities[i % Authors]);
                    }
                    catch (Exception e) when (e is not GrainRequestException && attempt < MaxAttempts)
                    {
                        failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                        // A failure before the silo is gone is unexpected but harmless; retry once the topology changed.
                        await failoverDone.Task.WaitAsync(Timeout);
                    }
                }
            }

            async Task WorkerAsync()
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < Count)
                {
                    // New appends wait while the silo goes down, so the first call to reach the new activation is a retry.
                    if (Volatile.Read(ref failoverStarted) == 1) await failoverDone.Task.WaitAsync(Timeout);
                    results[i] = await AppendWithRetriesAsync(i);
                    if (Interlocked.Increment(ref acked) == KillAfterAcks) enoughAcked.TrySetResult();
                }
            }

            var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(WorkerAsync)).ToList();
            await enoughAcked.Task.WaitAsync(Timeout);
            var heldBatch = 0;
            if (kill)
            {
                // Crash between commit and acknowledgement: a batch the dying silo sent to the database commits after the
                // silo is gone, so its appenders never hear back and must be acknowledged as duplicates on retry. The
                // gate is armed while appends still flow, so a next batch is sure to reach it.
                var store = (GatedLogStore)cluster.GetSiloServiceProvider(victim.SiloAddress).GetRequiredService<IMessageLogStore>();
                var gate = store.HoldNextBatch(s.ChannelA);
                heldBatch = await gate.Held.Task.WaitAsync(Timeout);
                Volatile.Write(ref failoverStarted, 1);
                await cluster.KillSiloAsync(victim);
                gate.Release.SetResult();
                await gate.Written.Task.WaitAsync(Timeout);
            }
            else
            {
                Volatile.Write(ref failoverStarted, 1);
                await cluster.StopSiloAsync(victim);
            }

            var ackedAtFailover = Volatile.Read(ref acked);
            failoverDone.SetResult();
            await Task.WhenAll(workers).WaitAsync(Timeout);

            output.WriteLine($"{_database.Name}, {(kill ? "kill" : "stop")}: {ackedAtFailover} acked when the silo went, {heldBatch} committed after it died, " +
                             $"failed attempts {string.Join(", ", failures.Select(f => $"{f.Key} x{f.Value}"))}, " +
                             $"retries acknowledged as duplicates {results.Count(r => r?.Duplicate == true)}");

            // Every envelope was acknowledged, and the grain now lives elsewhere.
            Assert.All(results, r => Assert.NotNull(r));
            Assert.True(ackedAtFailover < Count, "the failover happened after every append had finished");
            Assert.NotEqual(victim.SiloAddress, HostOf(cluster, channel).SiloAddress);
            Assert.True(results.Count(r => r!.Duplicate) >= heldBatch, $"{heldBatch} envelopes committed by the dead silo were not acknowledged as duplicates");

            // The durable log, read through a store of its own: 1..N without gaps, each envelope exactly once, with the
            // seq and bytes its acknowledgement named.
            var log = await ReadAllAsync(s.ChannelA);
            Assert.Equal(Enumerable.Range(1, Count).Select(n => (long)n), log.Select(e => e.Seq));
            Assert.Equal(Count, log.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
            var bySeq = log.ToDictionary(e => e.Seq);
            var mismatched = Enumerable.Range(0, Count)
                .Where(i => !bySeq.TryGetValue(results[i]!.Seq, out var e) || e.Id != ids[i] || !e.Envelope.AsSpan().SequenceEqual(envelopes[i]))
                .ToList();
            Assert.Empty(mismatched);

            // The new activation serves the same log from the database.
            var info = await channel.GetInfoAsync();
            Assert.Equal(Count, info.LastSeq);
            var page = await channel.ReadAsync(Count - 10, 100, CapabilityProof.ByReference(CommunityScenario.CapId(capabilities[0]), authors[0].Did));
            Assert.Equal(Enumerable.Range(Count - 9, 10).Select(n => (long)n), page.Entries.Select(e => e.Seq));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private static InProcessSiloHandle HostOf(InProcessTestCluster cluster, IChannelGrain channel)
    {
        Assert.True(cluster.TryGetGrainContext(channel.GetGrainId(), out var context), "the channel grain is not active");
        var silo = context!.Address.SiloAddress;
        return cluster.Silos.Single(h => h.SiloAddress.Equals(silo));
    }

    private async Task<List<StoredEntry>> ReadAllAsync(string channel)
    {
        var store = _database.OpenStore();
        try
        {
            var all = new List<StoredEntry>();
            while (true)
            {
                var page = await store.ReadAsync(channel, all.Count == 0 ? 0 : all[^1].Seq, 500);
                if (page.Count == 0) return all;
                all.AddRange(page);
            }
        }
        finally
        {
            if (store is IAsyncDisposable disposable) await disposable.DisposeAsync();
        }
    }
}
