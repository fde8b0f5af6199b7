namespace Harmony.Silo.Hosting;

/// <summary>How the node finds the other silos of its cluster.</summary>
public enum ClusterMode
{
    /// <summary>A single silo on this machine (Orleans localhost clustering). The default.</summary>
    Localhost,

    /// <summary>Membership in the PostgreSQL table (Orleans ADO.NET clustering); requires <c>Storage = Postgres</c>.</summary>
    AdoNet,
}
