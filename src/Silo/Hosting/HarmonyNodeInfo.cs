using Harmony.Grains.Storage;
using Npgsql;

namespace Harmony.Silo.Hosting;

/// <summary>The node's validated configuration with resolved paths; registered as a singleton by <c>AddHarmonyNode</c>.</summary>
public sealed class HarmonyNodeInfo
{
    private HarmonyNodeInfo(HarmonyNodeOptions options, string dataDirectory, string? sqliteDatabasePath)
    {
        Options = options;
        DataDirectory = dataDirectory;
        SqliteDatabasePath = sqliteDatabasePath;
    }

    /// <summary>The bound options.</summary>
    public HarmonyNodeOptions Options { get; }

    /// <summary>The absolute data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The absolute SQLite database path, when <see cref="HarmonyNodeOptions.Storage"/> is Sqlite.</summary>
    public string? SqliteDatabasePath { get; }

    /// <summary>The connection string Orleans and the log store use for the node's database (may hold a password).</summary>
    internal string ConnectionString => Options.Storage == DatabaseKind.Sqlite
        ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = SqliteDatabasePath }.ToString()
        : PostgresConnectionString();

    private static readonly string[] PoolSizeKeywords = ["Maximum Pool Size", "Max Pool Size", "MaxPoolSize", "MaximumPoolSize"];

    private string PostgresConnectionString()
    {
        var connectionString = Options.Postgres.ConnectionString!;
        // An explicit pool size in the connection string wins over the option (the plain builder records only the
        // keys that are present; Npgsql's answers for every keyword it knows).
        var present = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (PoolSizeKeywords.Any(present.ContainsKey)) return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Options.Postgres.MaxPoolSize }.ConnectionString;
    }

    /// <summary>The ADO.NET invariant the Orleans providers accept for the node's database.</summary>
    internal string AdoNetInvariant => Options.Storage == DatabaseKind.Sqlite ? AdoNetInvariants.Sqlite : AdoNetInvariants.Postgres;

    /// <summary>Where the data lives, for people: a file path or PostgreSQL host, port and database (never a password).</summary>
    public string StorageDescription
    {
        get
        {
            if (Options.Storage == DatabaseKind.Sqlite)
            {
                return $"SQLite {SqliteDatabasePath}";
            }

            var builder = new NpgsqlConnectionStringBuilder(Options.Postgres.ConnectionString);
            return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        }
    }

    /// <summary>Validates <paramref name="options"/> and resolves the data directory against <paramref name="contentRoot"/>.</summary>
    /// <exception cref="HarmonyConfigurationException">The configuration is invalid.</exception>
    public static HarmonyNodeInfo Resolve(HarmonyNodeOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var dataDirectory = Path.GetFullPath(options.DataDirectory, contentRoot);
        string? sqlitePath = null;
        if (options.Storage == DatabaseKind.Sqlite)
        {
            if (string.IsNullOrWhiteSpace(options.Sqlite.FileName) || options.Sqlite.FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new HarmonyConfigurationException("Harmony:Sqlite:FileName must be a plain file name.");
            }

            sqlitePath = Path.Combine(dataDirectory, options.Sqlite.FileName);
        }

        return new HarmonyNodeInfo(options, dataDirectory, sqlitePath);
    }

    private static void Validate(HarmonyNodeOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            throw new HarmonyConfigurationException("Harmony:DataDirectory must not be empty.");
        }

        if (!Enum.IsDefined(options.Storage))
        {
            throw new HarmonyConfigurationException("Harmony:Storage must be Sqlite or Postgres.");
        }

        if (options.Storage == DatabaseKind.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.Postgres.ConnectionString))
            {
                throw new HarmonyConfigurationException("Harmony:Postgres:ConnectionString is required when Harmony:Storage is Postgres.");
            }

            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.Postgres.ConnectionString);
            }
            catch (ArgumentException)
            {
                // The parser's message may quote the string, password included; say only that it is malformed.
                throw new HarmonyConfigurationException("Harmony:Postgres:ConnectionString is not a valid connection string.");
            }
        }

        if (options.Postgres.MaxPoolSize is < 1 or > 1000)
        {
            throw new HarmonyConfigurationException("Harmony:Postgres:MaxPoolSize must be in 1..1000.");
        }

        var cluster = options.Cluster;
        if (!Enum.IsDefined(cluster.Mode))
        {
            throw new HarmonyConfigurationException("Harmony:Cluster:Mode must be Localhost or AdoNet.");
        }

        if (cluster.Mode == ClusterMode.AdoNet && options.Storage != DatabaseKind.Postgres)
        {
            throw new HarmonyConfigurationException("Harmony:Cluster:Mode AdoNet needs Harmony:Storage Postgres (the membership table lives there).");
        }

        if (string.IsNullOrWhiteSpace(cluster.ClusterId) || string.IsNullOrWhiteSpace(cluster.ServiceId))
        {
            throw new HarmonyConfigurationException("Harmony:Cluster:ClusterId and ServiceId must not be empty.");
        }

        if (cluster.SiloPort is < 1 or > 65535 || cluster.GatewayPort is < 1 or > 65535 || cluster.SiloPort == cluster.GatewayPort)
        {
            throw new HarmonyConfigurationException("Harmony:Cluster:SiloPort and GatewayPort must be two different ports in 1..65535.");
        }

        if (!string.IsNullOrEmpty(cluster.AdvertisedAddress) && !System.Net.IPAddress.TryParse(cluster.AdvertisedAddress, out _))
        {
            throw new HarmonyConfigurationException("Harmony:Cluster:AdvertisedAddress must be an IP address.");
        }

        var log = options.MessageLog;
        if (log.MaxBatchSize < 1 || log.MaxEnvelopeBytes < 1 || log.MaxReadLimit < 1 || log.MaxIdsPerLookup < 1
            || log.MaxChannelLength < 1 || log.MaxIdLength < 1 || log.MaxAuthorLength < 1)
        {
            throw new HarmonyConfigurationException("Harmony:MessageLog limits must be positive.");
        }
    }
}
