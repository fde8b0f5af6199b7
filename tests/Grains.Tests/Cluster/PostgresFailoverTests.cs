using Xunit.Abstractions;

namespace Harmony.Grains.Tests.Cluster;

/// <summary>Failover with grain state and the channel log in one PostgreSQL database shared by three silos.</summary>
public sealed class PostgresFailoverTests(ITestOutputHelper output) : FailoverTests<PostgresDurableDatabase>(output);
