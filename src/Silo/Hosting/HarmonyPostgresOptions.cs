namespace Harmony.Silo.Hosting;

/// <summary>The PostgreSQL database (configuration section <c>Harmony:Postgres</c>).</summary>
public sealed class HarmonyPostgresOptions
{
    /// <summary>An Npgsql connection string; required when <c>Storage = Postgres</c>. Never logged.</summary>
    public string? ConnectionString { get; set; }
}
