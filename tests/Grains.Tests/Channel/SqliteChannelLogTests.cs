using Harmony.Grains.Tests.Support;

namespace Harmony.Grains.Tests.Channel;

/// <summary>The channel log on SQLite.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SqliteChannelLogTests(SqliteClusterFixture fixture) : ChannelLogTests(fixture);
