namespace Harmony.Grains.Tests.Cluster;

/// <summary>Grain state in an SQLite file.</summary>
public sealed class SqliteGrainPersistenceTests : GrainPersistenceTests<SqliteDurableDatabase>;
