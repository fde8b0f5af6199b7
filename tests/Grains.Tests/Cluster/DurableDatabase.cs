using Harmony.Grains.Abstractions;
using Harmony.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Harmony.Grains.Tests.Cluster;

/// <summary>
/// One durable database (an SQLite file or a fresh PostgreSQL database) with Harmony's schema installed, that several
/// silos share: grain state through the Orleans ADO.NET provider and channel logs through a message-log store each
/// silo opens for itself, as separate processes would. Nothing of the state lives in silo memory.
/// </summary>
public abstract class DurableDatabase : IAsyncLifetime
{
    /// <summary>"sqlite" or "postgres" (used in test output).</summary>
    public abstract string Name { get; }

    /// <summary>The ADO.NET invariant of the Orleans grain storage provider.</summary>
    protected abstract string Invariant { get; }

    /// <summary>A directory to use as a node's content root (its data directory is <c>node-data</c> inside).</summary>
    public abstract string ContentRoot { get; }

    /// <summary>The connection string of the database.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Creates the database and installs the schema.</summary>
    public abstract Task InitializeAsync();

    /// <summary>Drops the database (PostgreSQL) or deletes its directory (SQLite).</summary>
    public abstract Task DisposeAsync();

    /// <summary>Runs a statement that returns one integer (e.g. a count).</summary>
    public abstract Task<long> ScalarAsync(string sql);

    /// <summary>Runs a statement.</summary>
    public abstract Task ExecuteAsync(string sql);

    /// <summary>Opens a new message-log store on the database; the caller disposes it when it is disposable.</summary>
    public abstract IMessageLogStore OpenStore();

    /// <summary>The <c>Harmony:*</c> settings of a node (<c>AddHarmonyNode</c>) on this database.</summary>
    public abstract Dictionary<string, string?> NodeSettings(string clusterId);

    /// <summary>
    /// Adds grain storage <c>harmony</c> on this database (Orleans binary serializer, as the node configures it), a
    /// message-log store of the silo's own (a <see cref="GatedLogStore"/>), the Harmony grain services and the memory stream provider.
    /// </summary>
    public void ConfigureSilo(ISiloBuilder silo)
    {
        silo.AddAdoNetGrainStorage(ProviderNames.GrainStorage, o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = ConnectionString;
        });
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(ProviderNames.GrainStorage)
            .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        // Stream subscriptions are not part of what these tests check: the stream is best-effort by design.
        // The silo's container disposes the store when the silo stops or is killed.
        silo.Services.AddSingleton<IMessageLogStore>(_ => new GatedLogStore(OpenStore(), OpenStore));
        silo.Services.AddHarmonyGrains();
    }
}
