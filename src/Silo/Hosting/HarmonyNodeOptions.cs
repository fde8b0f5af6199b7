using Harmony.Grains.Storage;

namespace Harmony.Silo.Hosting;

/// <summary>
/// The node's configuration, bound from the section <c>Harmony</c> (appsettings.json, environment variables such as
/// <c>Harmony__Storage=Postgres</c> or <c>Harmony__Postgres__ConnectionString=...</c>, command-line arguments).
/// </summary>
public sealed class HarmonyNodeOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Harmony";

    /// <summary>Where the node keeps its files (the SQLite database, ...); relative paths start at the content root (the node's entry point anchors them at the working directory).</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Sqlite (default, one node) or Postgres.</summary>
    public DatabaseKind Storage { get; set; } = DatabaseKind.Sqlite;

    /// <summary>The PostgreSQL database.</summary>
    public HarmonyPostgresOptions Postgres { get; set; } = new();

    /// <summary>The SQLite database.</summary>
    public HarmonySqliteOptions Sqlite { get; set; } = new();

    /// <summary>Cluster membership and endpoints.</summary>
    public HarmonyClusterOptions Cluster { get; set; } = new();

    /// <summary>Limits of the channel-log store.</summary>
    public MessageLogOptions MessageLog { get; set; } = new();
}
