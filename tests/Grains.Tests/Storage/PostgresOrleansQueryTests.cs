using System.Data;
using System.Globalization;
using Harmony.Grains.Storage.Schema;
using Harmony.Grains.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace Harmony.Grains.Tests.Storage;

/// <summary>
/// The PostgreSQL persistence, clustering and reminder queries against the Orleans 10.4 provider contract, on a fresh
/// database. Conditional writes return one row whose single column is &gt; 0 when applied and 0 otherwise.
/// </summary>
public sealed class PostgresOrleansQueryTests : PersistenceQueryContract, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private NpgsqlDataSource? _source;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _source = _database.CreateDataSource();
        await SchemaInstaller.InstallPostgresAsync(_source);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    /// <inheritdoc />
    protected override Task<OrleansQueryRunner> RunnerAsync() => Task.FromResult(Runner);

    private OrleansQueryRunner Runner => new(() => _source!.CreateConnection());

    private static (string, object?, DbType) P(string name, object? value, DbType type) => (name, value, type);

    private static (string, object?, DbType)[] Silo(string deployment, int port, int? version = null, int status = 3, string? suspects = null)
    {
        var now = DateTime.UtcNow;
        return
        [
            P("DeploymentId", deployment, DbType.String), P("Address", "127.0.0.1", DbType.AnsiString), P("Port", port, DbType.Int32),
            P("Generation", 42, DbType.Int32), P("SiloName", "silo-" + port, DbType.String), P("HostName", "host", DbType.String),
            P("Status", status, DbType.Int32), P("ProxyPort", port + 1000, DbType.Int32), P("StartTime", now, DbType.DateTime),
            P("IAmAliveTime", now, DbType.DateTime), P("SuspectTimes", suspects, DbType.String),
            P("Version", version, DbType.Int32),
        ];
    }

    private static int Single(List<object?[]> rows) => Convert.ToInt32(Assert.Single(rows).Single(), CultureInfo.InvariantCulture);

    private async Task<(int Version, List<object?[]> Rows)> ReadAllAsync(string deployment)
    {
        var rows = await Runner.RunAsync("MembershipReadAllKey", P("DeploymentId", deployment, DbType.String));
        return (Convert.ToInt32(rows[0][^1], CultureInfo.InvariantCulture), rows);
    }

    [Fact]
    public async Task Membership_writes_apply_only_with_the_current_table_version()
    {
        var d = "d-" + Guid.NewGuid().ToString("N");
        var id = P("DeploymentId", d, DbType.String);

        Assert.Equal(1, Single(await Runner.RunAsync("InsertMembershipVersionKey", id)));
        Assert.Equal(0, Single(await Runner.RunAsync("InsertMembershipVersionKey", id)));
        var (version, rows) = await ReadAllAsync(d);
        Assert.Equal(0, version);
        Assert.Null(Assert.Single(rows)[1]);

        Assert.Equal(1, Single(await Runner.RunAsync("InsertMembershipKey", Silo(d, 11111, version: 0))));
        Assert.Equal(0, Single(await Runner.RunAsync("InsertMembershipKey", Silo(d, 11112, version: 0))));
        Assert.Equal(0, Single(await Runner.RunAsync("InsertMembershipKey", Silo(d, 11111, version: 1))));
        (version, rows) = await ReadAllAsync(d);
        Assert.Equal(1, version);
        Assert.Equal(11111, Convert.ToInt32(Assert.Single(rows)[2], CultureInfo.InvariantCulture));

        var gateways = await Runner.RunAsync("GatewaysQueryKey", id, P("Status", 3, DbType.Int32));
        Assert.Equal(12111, Convert.ToInt32(Assert.Single(gateways)[1], CultureInfo.InvariantCulture));

        Assert.Equal(1, Single(await Runner.RunAsync("UpdateMembershipKey", Silo(d, 11111, version: 1, status: 6, suspects: "S1,2026-01-01"))));
        Assert.Equal(0, Single(await Runner.RunAsync("UpdateMembershipKey", Silo(d, 11111, version: 1, status: 3))));
        Assert.Equal(0, Single(await Runner.RunAsync("UpdateMembershipKey", Silo(d, 19999, version: 2, status: 3))));
        var row = Assert.Single(await Runner.RunAsync("MembershipReadRowKey", Silo(d, 11111)));
        Assert.Equal(6, Convert.ToInt32(row[6], CultureInfo.InvariantCulture));
        Assert.Equal("S1,2026-01-01", row[8]);
        Assert.Equal(2, Convert.ToInt32(row[^1], CultureInfo.InvariantCulture));
        Assert.Empty(await Runner.RunAsync("GatewaysQueryKey", id, P("Status", 3, DbType.Int32)));

        var later = DateTime.UtcNow.AddMinutes(5);
        await Runner.RunAsync("UpdateIAmAlivetimeKey", id, P("Address", "127.0.0.1", DbType.AnsiString), P("Port", 11111, DbType.Int32),
            P("Generation", 42, DbType.Int32), P("IAmAliveTime", later, DbType.DateTime));
        var alive = (DateTime)Assert.Single(await Runner.RunAsync("MembershipReadRowKey", Silo(d, 11111)))[10]!;
        Assert.True(Math.Abs((alive - later).TotalMilliseconds) < 1, $"IAmAliveTime {alive:O} vs {later:O}");

        // Cleanup removes the dead row heart-beating before the cut-off; the version row stays.
        await Runner.RunAsync("CleanupDefunctSiloEntriesKey", id, P("IAmAliveTime", later.AddMinutes(1), DbType.DateTime));
        (version, rows) = await ReadAllAsync(d);
        Assert.Equal(2, version);
        Assert.Null(Assert.Single(rows)[1]);

        await Runner.RunAsync("DeleteMembershipTableEntriesKey", id);
        Assert.Empty(await Runner.RunAsync("MembershipReadAllKey", id));
    }

    [Fact]
    public async Task Reminder_rows_upsert_with_versions_read_by_hash_range_and_delete_by_version()
    {
        var service = P("ServiceId", "svc-" + Guid.NewGuid().ToString("N"), DbType.String);
        (string, object?, DbType)[] Reminder(string grain, int hash, string name) =>
        [
            service, P("GrainId", grain, DbType.String), P("GrainHash", hash, DbType.Int32), P("ReminderName", name, DbType.String),
            P("StartTime", DateTime.UtcNow, DbType.DateTime), P("Period", 60_000, DbType.Int32),
        ];

        Assert.Equal(0, Single(await Runner.RunAsync("UpsertReminderRowKey", Reminder("g/low", -2_000_000_000, "r"))));
        Assert.Equal(1, Single(await Runner.RunAsync("UpsertReminderRowKey", Reminder("g/low", -2_000_000_000, "r"))));
        Assert.Equal(0, Single(await Runner.RunAsync("UpsertReminderRowKey", Reminder("g/mid", 10, "r"))));
        Assert.Equal(0, Single(await Runner.RunAsync("UpsertReminderRowKey", Reminder("g/high", 2_000_000_000, "r"))));

        async Task<string[]> Range(string key, int begin, int end) =>
            (await Runner.RunAsync(key, service, P("BeginHash", begin, DbType.Int32), P("EndHash", end, DbType.Int32)))
                .Select(r => (string)r[0]!).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["g/mid"], await Range("ReadRangeRows1Key", 0, 10));
        Assert.Empty(await Range("ReadRangeRows1Key", 10, 20));
        Assert.Equal(["g/high", "g/low"], await Range("ReadRangeRows2Key", 1_000_000_000, -1_000_000_000));

        var row = Assert.Single(await Runner.RunAsync("ReadReminderRowKey", service, P("GrainId", "g/low", DbType.String), P("ReminderName", "r", DbType.String)));
        Assert.Equal(60_000L, Convert.ToInt64(row[3], CultureInfo.InvariantCulture));
        Assert.Single(await Runner.RunAsync("ReadReminderRowsKey", service, P("GrainId", "g/mid", DbType.String)));

        (string, object?, DbType)[] Delete(int version) =>
            [service, P("GrainId", "g/low", DbType.String), P("ReminderName", "r", DbType.String), P("Version", version, DbType.Int32)];
        Assert.Equal(0, Single(await Runner.RunAsync("DeleteReminderRowKey", Delete(0))));
        Assert.Equal(1, Single(await Runner.RunAsync("DeleteReminderRowKey", Delete(1))));
        Assert.Empty(await Runner.RunAsync("ReadReminderRowsKey", service, P("GrainId", "g/low", DbType.String)));

        await Runner.RunAsync("DeleteReminderRowsKey", service);
        Assert.Empty(await Range("ReadRangeRows2Key", 0, -1));
    }
}
