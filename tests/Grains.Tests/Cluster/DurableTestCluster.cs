using Harmony.Grains.Abstractions;
using Orleans.Configuration;
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
        builder.ConfigureClient(client =>
        {
            // Calls stuck on a killed silo fail after this instead of the default 30 s, so clients retry sooner.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
