using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Harmony.Silo.Hosting;

/// <summary>Prints where a started node listens and where its data is.</summary>
public static class HarmonyStartupBanner
{
    /// <summary>The lines describing a started node (HTTP addresses, silo and gateway ports, cluster, storage).</summary>
    public static IReadOnlyList<string> Describe(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var node = services.GetRequiredService<HarmonyNodeInfo>();
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var cluster = node.Options.Cluster;
        return
        [
            $"Harmony node listening on {(addresses is { Count: > 0 } ? string.Join(", ", addresses) : "(no HTTP server)")}",
            $"  silo port {cluster.SiloPort}, gateway port {cluster.GatewayPort}, cluster '{cluster.ClusterId}' ({cluster.Mode} membership), service '{cluster.ServiceId}'",
            $"  data directory {node.DataDirectory}",
            $"  storage {node.StorageDescription}",
        ];
    }
}
