namespace Harmony.Grains.Tests.Cluster;

/// <summary>Full restart of a two-node PostgreSQL cluster (ADO.NET membership) as a one-node cluster on the same database.</summary>
public sealed class PostgresRestartTests : RestartTests<PostgresDurableDatabase>
{
    /// <inheritdoc />
    protected override int FirstClusterSize => 2;
}
