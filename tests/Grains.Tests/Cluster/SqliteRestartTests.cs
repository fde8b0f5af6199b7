namespace Harmony.Grains.Tests.Cluster;

/// <summary>Full restart of a single-node deployment on its SQLite file.</summary>
public sealed class SqliteRestartTests : RestartTests<SqliteDurableDatabase>
{
    /// <inheritdoc />
    protected override int FirstClusterSize => 1;
}
