namespace Harmony.Grains.Tests.Support;

/// <summary>Grain tests on the PostgreSQL-backed cluster share one cluster.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresClusterCollection : ICollectionFixture<PostgresClusterFixture>
{
    public const string Name = "postgres-cluster";
}
