using Harmony.Grains.Abstractions;
using Harmony.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Harmony.Grains.Tests.Support;

/// <summary>
/// A three-silo in-process cluster shared by a collection of grain tests (distinct grain keys per test). All silos
/// write channel logs through one real <see cref="IMessageLogStore"/> (as the silos of one deployment share one
/// database), wrapped in a <see cref="RecordingLogStore"/>; subclasses choose the database.
/// </summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    // The silos of one cluster share one clock; tests only ever move it forward by less than the invocation clock skew.
    public ManualClock Clock { get; } = new();

    public RecordingLogStore Store { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>Creates the database and the store on it.</summary>
    protected abstract Task<IMessageLogStore> CreateStoreAsync();

    /// <summary>Disposes the store and drops the database.</summary>
    protected abstract Task DisposeStoreAsync();

    public async Task InitializeAsync()
    {
        Store = new RecordingLogStore(await CreateStoreAsync());
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(ProviderNames.GrainStorage);
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddSingleton<IMessageLogStore>(Store);
            silo.Services.AddHarmonyGrains();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await DisposeStoreAsync();
    }
}
