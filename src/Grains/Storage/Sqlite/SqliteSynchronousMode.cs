namespace Harmony.Grains.Storage.Sqlite;

/// <summary>The SQLite <c>synchronous</c> setting used by the log writer (the database runs in WAL mode).</summary>
public enum SqliteSynchronousMode
{
    /// <summary>
    /// WAL is synced at checkpoints only: a commit survives a process crash but the last commits can be lost on power
    /// failure or an OS crash. Faster; never corrupts the database.
    /// </summary>
    Normal,

    /// <summary>
    /// The WAL is synced on every commit, so an acknowledged append survives power loss. The default, because Harmony
    /// acknowledges a message only once it is durable.
    /// </summary>
    Full,
}
