namespace Harmony.Grains.Tests.Support;

/// <summary>All grain tests share one cluster.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
