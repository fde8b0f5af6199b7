namespace Harmony.Grains.Tests.Cluster;

/// <summary>Grain state in PostgreSQL.</summary>
public sealed class PostgresGrainPersistenceTests : GrainPersistenceTests<PostgresDurableDatabase>;
