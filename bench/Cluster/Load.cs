using System.Collections.Concurrent;
using System.Diagnostics;

namespace Harmony.Bench.Cluster;

/// <summary>Closed-loop (N callers back to back) and open-loop (paced, latency from the intended start) load.</summary>
internal static class Load
{
    /// <summary>
    /// Runs <paramref name="operation"/>(i) for i = 0, 1, ... with <paramref name="concurrency"/> callers until
    /// <paramref name="duration"/> has passed or <paramref name="count"/> operations ran; returns completed operations per second.
    /// </summary>
    public static async Task<(int Completed, double PerSecond)> ClosedLoopAsync(Func<int, Task> operation, int count, int concurrency, TimeSpan duration)
    {
        var next = -1;
        var completed = 0;
        var watch = Stopwatch.StartNew();
        async Task WorkerAsync()
        {
            int i;
            while (watch.Elapsed < duration && (i = Interlocked.Increment(ref next)) < count)
            {
                await operation(i);
                Interlocked.Increment(ref completed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync)));
        watch.Stop();
        return (completed, completed / watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Starts operation k at time k / <paramref name="rate"/> (whether or not earlier ones finished) for
    /// <paramref name="duration"/>; returns each operation's latency in milliseconds measured from its intended start,
    /// so a stall counts against every operation it delayed (no coordinated omission).
    /// </summary>
    public static async Task<double[]> OpenLoopAsync(Func<int, Task> operation, int count, double rate, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var running = new List<Task>();
        var watch = Stopwatch.StartNew();
        var issued = 0;
        while (watch.Elapsed < duration && issued < count)
        {
            var due = Math.Min(count, (int)(watch.Elapsed.TotalSeconds * rate) + 1);
            for (; issued < due; issued++)
            {
                var intended = issued / rate;
                var k = issued;
                running.Add(Task.Run(async () =>
                {
                    await operation(k);
                    latencies.Add((watch.Elapsed.TotalSeconds - intended) * 1000);
                }));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(running);
        return [.. latencies];
    }
}
