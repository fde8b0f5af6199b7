using System.Diagnostics;
using Harmony.Core.Protocol;

namespace Harmony.Bench.Load;

/// <summary>One measured run: publishers send signed envelopes, subscribers record what arrives.</summary>
internal static class LoadRun
{
    private static readonly long Frequency = Stopwatch.Frequency;

    /// <summary>A signed envelope by <paramref name="publisher"/> whose ciphertext carries <paramref name="offset"/>.</summary>
    public static byte[] Sign(LoadClient publisher, long offset, int size) =>
        EnvelopeCodec.Encode(EnvelopeCodec.Sign(new Envelope
        {
            Channel = HarmonyCommunity.ChannelId,
            Author = publisher.Did,
            Lamport = (ulong)Interlocked.Increment(ref publisher.Lamport),
            Kind = EnvelopeKind.Message,
            CreatedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            Ciphertext = Payload.Create(offset, size),
        }, publisher.Key!));

    /// <summary>
    /// Open loop at <paramref name="rate"/> messages/s for warm-up + duration, spread round-robin over the publishers:
    /// message k is due at k / rate whether or not earlier ones were acknowledged, and its latency counts from then.
    /// </summary>
    public static async Task<RunResult> OpenLoopAsync(ServerProcess server, IReadOnlyList<LoadClient> subscribers, IReadOnlyList<LoadClient> publishers, double rate, LoadOptions o)
    {
        var total = (int)Math.Ceiling((o.Warmup + o.Duration) * rate);
        var offsets = new long[total];
        var bytes = new byte[total][];
        Parallel.For(0, total, k =>
        {
            offsets[k] = (long)(k * (double)Frequency / rate);
            bytes[k] = Sign(publishers[k % publishers.Count], offsets[k], o.Size);
        });
        foreach (var s in subscribers) s.Log = new DeliveryLog();
        var acks = new long[total];
        long errors = 0;
        string? firstError = null;

        var start = Stopwatch.GetTimestamp() + Frequency / 10;
        var windowStart = start + (long)(o.Warmup * Frequency);
        var windowEnd = start + (long)((o.Warmup + o.Duration) * Frequency);
        var cpu = MeasureCpuAsync(server, windowStart, windowEnd);

        async Task SendOne(LoadClient p, int k)
        {
            try
            {
                await p.SendAsync(bytes[k]);
                acks[k] = Stopwatch.GetTimestamp();
            }
            catch (Exception e)
            {
                if (Interlocked.Increment(ref errors) == 1) firstError = e.Message;
            }
        }

        var senders = publishers.Select((p, pi) => Task.Run(async () =>
        {
            var sends = new List<Task>();
            for (var k = pi; k < total; k += publishers.Count)
            {
                await DelayUntilAsync(start + offsets[k]);
                sends.Add(SendOne(p, k));
            }
            await Task.WhenAll(sends);
        })).ToList();
        await Task.WhenAll(senders).WaitAsync(TimeSpan.FromMinutes(2));
        var (serverCores, clientCores) = await cpu;
        await DrainAsync(subscribers, (long)total * subscribers.Count);

        var deliveries = subscribers.SelectMany(s => s.Log!.Snapshot()).ToArray();
        foreach (var s in subscribers) s.Log = null;
        var fromOffset = windowStart - start;
        var toOffset = windowEnd - start;
        var inWindow = deliveries.Where(d => d.Offset >= fromOffset && d.Offset < toOffset).ToArray();
        var latencies = inWindow.Select(d => (d.At - (start + d.Offset)) * 1000.0 / Frequency).ToArray();
        // Sustained rate: deliveries of the messages sent in the window over the time they took to arrive (at least
        // the window), so a server that falls behind is not credited with catching up on the warm-up's backlog.
        var lastArrival = inWindow.Length == 0 ? windowEnd : inWindow.Max(d => d.At);
        var deliverySeconds = Math.Max(o.Duration, (lastArrival - windowStart) / (double)Frequency);
        var sentInWindow = offsets.Count(x => x >= fromOffset && x < toOffset);
        return new RunResult
        {
            Offered = rate,
            DeliveredPerSecond = inWindow.Length / deliverySeconds,
            AckedPerSecond = acks.Count(a => a >= windowStart && a < windowEnd) / o.Duration,
            P50Ms = Stats.Percentile(latencies, 50),
            P95Ms = Stats.Percentile(latencies, 95),
            P99Ms = Stats.Percentile(latencies, 99),
            ServerCores = serverCores,
            ClientCores = clientCores,
            Errors = errors,
            Lost = (long)sentInWindow * subscribers.Count - latencies.Length,
            FirstError = firstError,
        };
    }

    /// <summary>
    /// Closed loop: each publisher keeps <see cref="LoadOptions.IngestWindow"/> sends in flight for warm-up + duration
    /// (envelopes signed beforehand, up to <paramref name="maxRate"/>/s); counts acknowledged (durable) sends.
    /// </summary>
    /// <remarks>With <paramref name="cycle"/> (the raw baseline, which does not dedupe) the envelopes are sent round and round.</remarks>
    public static async Task<RunResult> ClosedLoopAsync(ServerProcess server, IReadOnlyList<LoadClient> publishers, double maxRate, bool cycle, LoadOptions o)
    {
        var perPublisher = (int)Math.Ceiling(maxRate * (o.Warmup + o.Duration) / publishers.Count);
        var bytes = new byte[publishers.Count][][];
        for (var p = 0; p < publishers.Count; p++)
        {
            var publisher = publishers[p];
            var list = new byte[perPublisher][];
            Parallel.For(0, perPublisher, k => list[k] = Sign(publisher, 0, o.Size));
            bytes[p] = list;
        }
        var start = Stopwatch.GetTimestamp() + Frequency / 10;
        var windowStart = start + (long)(o.Warmup * Frequency);
        var windowEnd = start + (long)((o.Warmup + o.Duration) * Frequency);
        var cpu = MeasureCpuAsync(server, windowStart, windowEnd);
        long errors = 0;
        string? firstError = null;
        var exhausted = 0;
        var acked = new List<(long Sent, long At)>[publishers.Count];

        var senders = publishers.Select((publisher, p) => Task.Run(async () =>
        {
            var window = new SemaphoreSlim(o.IngestWindow);
            var mine = acked[p] = new List<(long, long)>(perPublisher);
            var sends = new List<Task>(perPublisher);
            var k = 0;
            await DelayUntilAsync(start);
            for (; (cycle || k < perPublisher) && Stopwatch.GetTimestamp() < windowEnd; k++)
            {
                await window.WaitAsync();
                var envelope = bytes[p][k % perPublisher];
                sends.Add(Task.Run(async () =>
                {
                    var sent = Stopwatch.GetTimestamp();
                    try
                    {
                        await publisher.SendAsync(envelope);
                        var at = Stopwatch.GetTimestamp();
                        lock (mine) mine.Add((sent, at));
                    }
                    catch (Exception e)
                    {
                        if (Interlocked.Increment(ref errors) == 1) firstError = e.Message;
                    }
                    finally { window.Release(); }
                }));
            }
            if (!cycle && k == perPublisher) Interlocked.Increment(ref exhausted);
            await Task.WhenAll(sends);
        })).ToList();
        await Task.WhenAll(senders).WaitAsync(TimeSpan.FromMinutes(2));
        var (serverCores, clientCores) = await cpu;
        var all = acked.SelectMany(a => a).Where(a => a.At >= windowStart && a.At < windowEnd).ToArray();
        var latencies = all.Select(a => (a.At - a.Sent) * 1000.0 / Frequency).ToArray();
        return new RunResult
        {
            Offered = double.NaN,
            AckedPerSecond = all.Length / o.Duration,
            P50Ms = Stats.Percentile(latencies, 50),
            P95Ms = Stats.Percentile(latencies, 95),
            P99Ms = Stats.Percentile(latencies, 99),
            ServerCores = serverCores,
            ClientCores = clientCores,
            Errors = errors,
            FirstError = exhausted > 0 ? $"{exhausted} publishers ran out of pre-signed envelopes (raise --ingest-max)" + (firstError is null ? "" : "; " + firstError) : firstError,
        };
    }

    private static async Task<(double Server, double Client)> MeasureCpuAsync(ServerProcess server, long from, long to)
    {
        await DelayUntilAsync(from);
        var self = Process.GetCurrentProcess();
        var server0 = server.CpuTime;
        var client0 = self.TotalProcessorTime;
        var t0 = Stopwatch.GetTimestamp();
        await DelayUntilAsync(to);
        self.Refresh();
        var seconds = (Stopwatch.GetTimestamp() - t0) / (double)Frequency;
        return ((server.CpuTime - server0).TotalSeconds / seconds, (self.TotalProcessorTime - client0).TotalSeconds / seconds);
    }

    private static async Task DelayUntilAsync(long timestamp)
    {
        var wait = timestamp - Stopwatch.GetTimestamp();
        if (wait > Frequency / 1000) await Task.Delay(TimeSpan.FromSeconds((double)wait / Frequency));
    }

    /// <summary>Waits until every expected delivery arrived or nothing arrived for 3 seconds.</summary>
    private static async Task DrainAsync(IReadOnlyList<LoadClient> subscribers, long expected)
    {
        long last = -1;
        var idle = Stopwatch.StartNew();
        while (true)
        {
            var count = subscribers.Sum(s => (long)s.Log!.Count);
            if (count >= expected) return;
            if (count != last)
            {
                last = count;
                idle.Restart();
            }
            else if (idle.Elapsed > TimeSpan.FromSeconds(3)) return;
            await Task.Delay(50);
        }
    }
}
