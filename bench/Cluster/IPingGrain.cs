namespace Harmony.Bench.Cluster;

/// <summary>A grain that does nothing: its call rate is the Orleans messaging cost on this machine.</summary>
[Alias("harmony.bench.ping")]
public interface IPingGrain : IGrainWithStringKey
{
    /// <summary>Returns at once.</summary>
    [Alias("ping")]
    Task<long> PingAsync(byte[] payload);
}
