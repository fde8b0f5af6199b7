namespace Harmony.Grains.Tests.Support;

/// <summary>Grain tests on the SQLite-backed cluster share one cluster.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<SqliteClusterFixture>
{
    public const string Name = "cluster";
}
