using Xunit.Abstractions;

namespace Harmony.Grains.Tests.Cluster;

/// <summary>Failover with grain state and the channel log in one SQLite file shared by three silos.</summary>
public sealed class SqliteFailoverTests(ITestOutputHelper output) : FailoverTests<SqliteDurableDatabase>(output);
