using System.Net;
using Harmony.Grains;
using Harmony.Grains.Abstractions;
using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Postgres;
using Harmony.Grains.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Harmony.Silo.Hosting;

/// <summary>Hosts a Harmony node (Orleans silo, storage, schema set-up) in a .NET host.</summary>
public static class HarmonyNodeHostingExtensions
{
    /// <summary>
    /// Configures the node from the <c>Harmony</c> configuration section: installs the schema before the silo starts,
    /// co-hosts an Orleans silo (localhost or ADO.NET clustering; ADO.NET grain storage on SQLite or PostgreSQL with
    /// the Orleans binary serializer; reminders in memory or on PostgreSQL; memory streams) and registers
    /// <see cref="IMessageLogStore"/> and <see cref="HarmonyNodeInfo"/>.
    /// </summary>
    /// <param name="builder">The host builder (a <c>WebApplicationBuilder</c> for the node).</param>
    /// <param name="configureSilo">Extra silo configuration applied last (tests add grain assemblies here).</param>
    /// <exception cref="HarmonyConfigurationException">The configuration is invalid.</exception>
    public static IHostApplicationBuilder AddHarmonyNode(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configureSilo = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(HarmonyNodeOptions.SectionName).Get<HarmonyNodeOptions>() ?? new HarmonyNodeOptions();
        var node = HarmonyNodeInfo.Resolve(options, builder.Environment.ContentRootPath);
        var services = builder.Services;
        services.AddSingleton(node);
        services.AddSingleton(options.MessageLog);
        services.AddHarmonyGrains();
        if (options.Storage == DatabaseKind.Postgres)
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(node.ConnectionString));
            services.AddSingleton<IMessageLogStore>(sp => new PostgresMessageLogStore(sp.GetRequiredService<NpgsqlDataSource>(), options.MessageLog));
        }
        else
        {
            services.AddSingleton<IMessageLogStore>(_ => new SqliteMessageLogStore(node.ConnectionString, options.MessageLog, options.Sqlite.Synchronous));
        }

        // Registered before the silo; as a lifecycle service it installs in StartingAsync, ahead of every StartAsync.
        services.AddHostedService<SchemaInstallerService>();
        builder.UseOrleans(silo =>
        {
            ConfigureCluster(silo, node);
            ConfigureStorage(silo, node);
            configureSilo?.Invoke(silo);
        });
        return builder;
    }

    private static void ConfigureCluster(ISiloBuilder silo, HarmonyNodeInfo node)
    {
        var cluster = node.Options.Cluster;
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        if (cluster.Mode == ClusterMode.Localhost)
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, primarySiloEndpoint: null, cluster.ServiceId, cluster.ClusterId);
            return;
        }

        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = node.AdoNetInvariant;
            o.ConnectionString = node.ConnectionString;
        });
        if (string.IsNullOrEmpty(cluster.AdvertisedAddress))
        {
            silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
        }
    }

    private static void ConfigureStorage(ISiloBuilder silo, HarmonyNodeInfo node)
    {
        AddAdoNetStorage(silo, ProviderNames.GrainStorage, node);
        if (node.Options.Storage == DatabaseKind.Postgres)
        {
            // Several silos share reminders, so they must live in the shared database.
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = node.AdoNetInvariant;
                o.ConnectionString = node.ConnectionString;
            });
        }
        else
        {
            silo.UseInMemoryReminderService();
        }
    }

    private static void AddAdoNetStorage(ISiloBuilder silo, string name, HarmonyNodeInfo node)
    {
        silo.AddAdoNetGrainStorage(name, o =>
        {
            o.Invariant = node.AdoNetInvariant;
            o.ConnectionString = node.ConnectionString;
        });
        // Orleans' own serializer: [Id]-based and version tolerant, compact, no assembly-qualified type names in rows
        // (the provider's default is Newtonsoft JSON with $type names).
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(name)
            .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
    }
}
