using Npgsql;

namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database for one test, created on the server named by <c>HARMONY_TEST_POSTGRES</c> and dropped
/// when disposed. Without that variable the test fails (it is never skipped): <c>bash .ci/run</c> always sets it.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding the administrative connection string.</summary>
    public const string Variable = "HARMONY_TEST_POSTGRES";

    private readonly string _admin;

    private PostgresDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name (<c>harmony_e2e_&lt;random&gt;</c>).</summary>
    public string Name { get; }

    /// <summary>A connection string for the new database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the database.</summary>
    /// <exception cref="InvalidOperationException"><c>HARMONY_TEST_POSTGRES</c> is not set.</exception>
    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
            throw new InvalidOperationException(
                $"{Variable} is not set: this test needs a PostgreSQL server (for example {Variable}=\"Host=127.0.0.1;Port=5432;Username=harmony;Password=harmony;Database=harmony_test\"; bash .ci/run starts one and sets it). It is never skipped.");
        var adminBuilder = new NpgsqlConnectionStringBuilder(admin) { Pooling = false };
        var name = "harmony_e2e_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(adminBuilder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new PostgresDatabase(adminBuilder.ConnectionString, name, builder.ConnectionString);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
