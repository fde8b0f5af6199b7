namespace Harmony.Silo.Hosting;

/// <summary>The ADO.NET invariant names the Orleans 10 providers accept.</summary>
public static class AdoNetInvariants
{
    /// <summary>
    /// SQLite. Orleans maps this historical name to <c>Microsoft.Data.Sqlite.SqliteFactory</c> (the
    /// Microsoft.Data.Sqlite driver); "Microsoft.Data.Sqlite" itself is not an accepted invariant.
    /// </summary>
    public const string Sqlite = "System.Data.SQLite";

    /// <summary>PostgreSQL through Npgsql.</summary>
    public const string Postgres = "Npgsql";
}
