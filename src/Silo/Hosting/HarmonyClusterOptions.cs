namespace Harmony.Silo.Hosting;

/// <summary>Cluster membership and endpoints (configuration section <c>Harmony:Cluster</c>).</summary>
public sealed class HarmonyClusterOptions
{
    /// <summary>Localhost (default) or AdoNet.</summary>
    public ClusterMode Mode { get; set; } = ClusterMode.Localhost;

    /// <summary>The Orleans cluster id; silos with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "harmony";

    /// <summary>The Orleans service id; keys stored state and reminders, so keep it stable across deployments.</summary>
    public string ServiceId { get; set; } = "harmony";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos reach this one at (AdoNet mode). Empty: the machine's first non-loopback address.
    /// </summary>
    public string? AdvertisedAddress { get; set; }
}
