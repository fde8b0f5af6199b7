using Harmony.Grains.Abstractions;
using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Schema;
using Harmony.Grains.Storage.Sqlite;
using Harmony.Grains.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Harmony.Grains.Tests.Support;

/// <summary>
/// A three-silo in-process cluster shared by the grain tests (distinct grain keys per test), writing channel logs to a
/// real SQLite file (schema installed by <see cref="SchemaInstaller"/>) through one <see cref="SqliteMessageLogStore"/>.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    // In-process silos share these, as silos of one deployment share one database and one clock source.
    public static ManualClock Clock { get; } = new();

    private readonly TempDirectory _directory = new();
    private SqliteMessageLogStore? _sqlite;

    /// <summary>The store every silo uses (set once per test run; the collection fixture is created once).</summary>
    public static RecordingLogStore Store { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory.Path, "harmony.db") }.ToString();
        await SchemaInstaller.InstallSqliteAsync(connectionString);
        _sqlite = new SqliteMessageLogStore(connectionString);
        Store = new RecordingLogStore(_sqlite);
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(ProviderNames.GrainStorage);
            silo.AddMemoryGrainStorage(ProviderNames.PubSubStore);
            silo.AddMemoryStreams(ProviderNames.Streams);
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddSingleton<IMessageLogStore>(Store);
            silo.Services.AddHarmonyGrains();
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(ProviderNames.Streams));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        if (_sqlite is not null) await _sqlite.DisposeAsync();
        _directory.Dispose();
    }
}
