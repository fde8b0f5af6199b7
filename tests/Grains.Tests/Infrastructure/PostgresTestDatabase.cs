using Npgsql;
using Xunit;

namespace Harmony.Grains.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database (<c>harmony_t_&lt;guid&gt;</c>) created for one test class and dropped afterwards. The
/// server comes from <c>HARMONY_TEST_POSTGRES</c>; when it is unreachable the tests fail (they are never skipped).
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    /// <summary>The server used when <c>HARMONY_TEST_POSTGRES</c> is not set (the one .ci/run prepares).</summary>
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=harmony;Password=harmony;Database=harmony_test";

    private readonly string _serverConnectionString =
        Environment.GetEnvironmentVariable("HARMONY_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultServer;

    /// <summary>The name of the database created for this run.</summary>
    public string DatabaseName { get; } = "harmony_t_" + Guid.NewGuid().ToString("N");

    /// <summary>A connection string for the fresh database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await using var admin = new NpgsqlConnection(_serverConnectionString);
        await admin.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = DatabaseName }.ConnectionString;
    }

    /// <summary>Creates a data source on the fresh database (the caller disposes it).</summary>
    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    /// <summary>Runs one scalar query on the fresh database.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_serverConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
