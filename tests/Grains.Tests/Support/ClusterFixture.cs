using Harmony.Grains.Abstractions.Streams;
using Harmony.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Harmony.Grains.Tests.Support;

/// <summary>A three-silo in-process cluster shared by the grain tests (distinct grain keys per test).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    // In-process silos share these, as silos of one deployment share one database and one clock source.
    public static ManualClock Clock { get; } = new();

    public static RecordingLogStore Store { get; } = new(new InMemoryLogStore());

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("harmony");
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddMemoryStreams(StreamNames.Provider);
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddSingleton<IMessageLogStore>(Store);
            silo.Services.AddHarmonyGrains();
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNames.Provider));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
