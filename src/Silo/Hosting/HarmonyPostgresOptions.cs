namespace Harmony.Silo.Hosting;

/// <summary>The PostgreSQL database (configuration section <c>Harmony:Postgres</c>).</summary>
public sealed class HarmonyPostgresOptions
{
    /// <summary>An Npgsql connection string; required when <c>Storage = Postgres</c>. Never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The most connections one pool of this node opens (Npgsql <c>Maximum Pool Size</c>; the node has two pools, the
    /// Orleans providers' and the channel log's), unless the connection string sets its own. Keeps a few silos under
    /// PostgreSQL's default <c>max_connections</c> (100). 1–1000, default 20.
    /// </summary>
    public int MaxPoolSize { get; set; } = 20;
}
