namespace Harmony.Gateway.Tests.Infrastructure;

/// <summary>One node shared by the tests of a collection (distinct community ids per test).</summary>
public sealed class NodeFixture : IDisposable
{
    public GatewayFactory Node { get; } = new();

    public void Dispose() => Node.Dispose();
}
