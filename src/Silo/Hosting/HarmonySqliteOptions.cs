using Harmony.Grains.Storage.Sqlite;

namespace Harmony.Silo.Hosting;

/// <summary>The embedded SQLite database (configuration section <c>Harmony:Sqlite</c>).</summary>
public sealed class HarmonySqliteOptions
{
    /// <summary>The database file name inside <see cref="HarmonyNodeOptions.DataDirectory"/>.</summary>
    public string FileName { get; set; } = "harmony.db";

    /// <summary>Durability of channel-log commits; FULL by default (an acknowledged message survives power loss).</summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;
}
