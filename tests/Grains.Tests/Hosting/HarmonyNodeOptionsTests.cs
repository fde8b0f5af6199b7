using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Sqlite;
using Harmony.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Xunit;

namespace Harmony.Grains.Tests.Hosting;

/// <summary>Binding and validation of the <c>Harmony</c> configuration section.</summary>
public sealed class HarmonyNodeOptionsTests
{
    private static HarmonyNodeOptions Bind(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build()
            .GetSection(HarmonyNodeOptions.SectionName).Get<HarmonyNodeOptions>() ?? new HarmonyNodeOptions();

    [Fact]
    public void Defaults_are_a_single_sqlite_node_under_data()
    {
        var info = HarmonyNodeInfo.Resolve(new HarmonyNodeOptions(), "/srv/harmony");

        Assert.Equal(DatabaseKind.Sqlite, info.Options.Storage);
        Assert.Equal(ClusterMode.Localhost, info.Options.Cluster.Mode);
        Assert.Equal("/srv/harmony/data", info.DataDirectory);
        Assert.Equal("/srv/harmony/data/harmony.db", info.SqliteDatabasePath);
        Assert.Equal(SqliteSynchronousMode.Full, info.Options.Sqlite.Synchronous);
        Assert.Equal((11111, 30000), (info.Options.Cluster.SiloPort, info.Options.Cluster.GatewayPort));
    }

    [Fact]
    public void Every_setting_binds_from_configuration_keys()
    {
        var options = Bind(new()
        {
            ["Harmony:DataDirectory"] = "/var/lib/harmony",
            ["Harmony:Storage"] = "Postgres",
            ["Harmony:Postgres:ConnectionString"] = "Host=db;Database=h;Username=u;Password=secret-pw",
            ["Harmony:Sqlite:Synchronous"] = "Normal",
            ["Harmony:Cluster:Mode"] = "AdoNet",
            ["Harmony:Cluster:ClusterId"] = "prod",
            ["Harmony:Cluster:ServiceId"] = "harmony-prod",
            ["Harmony:Cluster:SiloPort"] = "22222",
            ["Harmony:Cluster:GatewayPort"] = "40000",
            ["Harmony:Cluster:AdvertisedAddress"] = "10.0.0.5",
            ["Harmony:MessageLog:MaxEnvelopeBytes"] = "65536",
        });

        var info = HarmonyNodeInfo.Resolve(options, "/ignored");

        Assert.Equal("/var/lib/harmony", info.DataDirectory);
        Assert.Null(info.SqliteDatabasePath);
        Assert.Equal(DatabaseKind.Postgres, options.Storage);
        Assert.Equal(SqliteSynchronousMode.Normal, options.Sqlite.Synchronous);
        Assert.Equal(ClusterMode.AdoNet, options.Cluster.Mode);
        Assert.Equal(("prod", "harmony-prod"), (options.Cluster.ClusterId, options.Cluster.ServiceId));
        Assert.Equal((22222, 40000), (options.Cluster.SiloPort, options.Cluster.GatewayPort));
        Assert.Equal("10.0.0.5", options.Cluster.AdvertisedAddress);
        Assert.Equal(65536, options.MessageLog.MaxEnvelopeBytes);
        Assert.Equal("PostgreSQL db:5432/h", info.StorageDescription);
    }

    [Theory]
    [InlineData("Host=db;Database=h;Username=u;Password=pw", null, 20)]
    [InlineData("Host=db;Database=h;Username=u;Password=pw", "7", 7)]
    [InlineData("Host=db;Database=h;Username=u;Password=pw;Maximum Pool Size=50", "7", 50)]
    [InlineData("Host=db;Database=h;Username=u;Password=pw;MaxPoolSize=3", null, 3)]
    public void The_postgres_pool_is_capped_unless_the_connection_string_sets_its_own(string connectionString, string? option, int expected)
    {
        var values = new Dictionary<string, string?>
        {
            ["Harmony:Storage"] = "Postgres",
            ["Harmony:Postgres:ConnectionString"] = connectionString,
        };
        if (option is not null) values["Harmony:Postgres:MaxPoolSize"] = option;

        var info = HarmonyNodeInfo.Resolve(Bind(values), "/ignored");

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(info.ConnectionString).MaxPoolSize);
        Assert.Equal("pw", new NpgsqlConnectionStringBuilder(info.ConnectionString).Password);
    }

    [Theory]
    [InlineData("pool size zero", "Harmony:Postgres:MaxPoolSize", "0", "Harmony:Postgres:ConnectionString", "Host=db;Database=h")]
    [InlineData("Postgres storage without a connection string", "Harmony:Storage", "Postgres", null, null)]
    [InlineData("AdoNet clustering on SQLite", "Harmony:Cluster:Mode", "AdoNet", null, null)]
    [InlineData("same silo and gateway port", "Harmony:Cluster:SiloPort", "30000", null, null)]
    [InlineData("port out of range", "Harmony:Cluster:GatewayPort", "70000", null, null)]
    [InlineData("bad advertised address", "Harmony:Cluster:AdvertisedAddress", "not-an-ip", null, null)]
    [InlineData("empty cluster id", "Harmony:Cluster:ClusterId", " ", null, null)]
    [InlineData("file name with a path", "Harmony:Sqlite:FileName", "a/b.db", null, null)]
    [InlineData("non-positive log limit", "Harmony:MessageLog:MaxBatchSize", "0", null, null)]
    [InlineData("malformed connection string", "Harmony:Storage", "Postgres", "Harmony:Postgres:ConnectionString", "Password=hunter2;Bogus Key=1")]
    public void Invalid_configuration_is_refused_with_a_typed_error(string name, string key, string value, string? key2, string? value2)
    {
        var values = new Dictionary<string, string?> { [key] = value };
        if (key2 is not null)
        {
            values[key2] = value2;
        }

        var options = Bind(values);

        var error = Assert.Throws<HarmonyConfigurationException>(() => HarmonyNodeInfo.Resolve(options, "/srv"));
        Assert.True(error.Code == "config.invalid", name);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_storage_description_never_shows_the_password()
    {
        var info = HarmonyNodeInfo.Resolve(
            new HarmonyNodeOptions { Storage = DatabaseKind.Postgres, Postgres = { ConnectionString = "Host=pg;Port=6543;Database=h;Username=u;Password=hunter2" } },
            "/srv");

        Assert.Equal("PostgreSQL pg:6543/h", info.StorageDescription);
        Assert.DoesNotContain("hunter2", info.StorageDescription, StringComparison.Ordinal);
    }
}
