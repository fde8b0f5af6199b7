using Harmony.Grains.Abstractions;
using Orleans.TestingHost;

namespace Harmony.Grains.Tests.Cluster;

/// <summary>Builds in-process test clusters whose silos keep all grain state and channel logs in a <see cref="DurableDatabase"/>.</summary>
public static class DurableTestCluster
{
    /// <summary>Deploys a cluster of <paramref name="silos"/> silos on <paramref name="database"/>.</summary>
    public static async Task<InProcessTestCluster> DeployAsync(DurableDatabase database, int silos)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) => database.ConfigureSilo(silo));
        builder.ConfigureClient(client => client.AddMemoryStreams(ProviderNames.Streams));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
