namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>How to start a <see cref="ServerProcess"/>.</summary>
public sealed record ServerProcessOptions
{
    /// <summary>A name for failure messages (for example <c>node-1</c>).</summary>
    public string Name { get; init; } = "node";

    /// <summary>The data folder; null means a fresh temporary folder that the server process deletes when disposed.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>
    /// Extra configuration (keys as in appsettings, e.g. <c>Harmony:Storage</c>), passed as environment variables so
    /// secrets such as connection strings never show on a command line.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the node may take to answer <c>/readyz</c> with 200.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Settings of a node in a PostgreSQL cluster (ADO.NET membership on loopback): every node given the same
    /// <paramref name="connectionString"/> and <paramref name="clusterId"/> joins the same cluster.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Cluster(string connectionString, string clusterId) => new Dictionary<string, string>
    {
        ["Harmony:Storage"] = "Postgres",
        ["Harmony:Postgres:ConnectionString"] = connectionString,
        ["Harmony:Cluster:Mode"] = "AdoNet",
        ["Harmony:Cluster:ClusterId"] = clusterId,
        ["Harmony:Cluster:AdvertisedAddress"] = "127.0.0.1",
    };
}
