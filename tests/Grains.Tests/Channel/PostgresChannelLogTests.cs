using Harmony.Grains.Tests.Support;

namespace Harmony.Grains.Tests.Channel;

/// <summary>The channel log on PostgreSQL.</summary>
[Collection(PostgresClusterCollection.Name)]
public sealed class PostgresChannelLogTests(PostgresClusterFixture fixture) : ChannelLogTests(fixture);
