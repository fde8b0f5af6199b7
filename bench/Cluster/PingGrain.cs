using Orleans.Concurrency;

namespace Harmony.Bench.Cluster;

/// <summary>Implements <see cref="IPingGrain"/>; reentrant like the channel grain.</summary>
[Reentrant]
internal sealed class PingGrain : Grain, IPingGrain
{
    private long _calls;

    public Task<long> PingAsync(byte[] payload) => Task.FromResult(++_calls);
}
