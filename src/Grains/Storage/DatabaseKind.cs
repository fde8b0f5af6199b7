namespace Harmony.Grains.Storage;

/// <summary>The relational databases a Harmony node can store its grain state and channel logs in.</summary>
public enum DatabaseKind
{
    /// <summary>An embedded SQLite file: the single-node default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: required for multi-silo clusters.</summary>
    Postgres,
}
