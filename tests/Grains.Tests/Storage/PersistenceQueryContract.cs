using System.Data;
using System.Globalization;
using Harmony.Grains.Tests.Infrastructure;
using Xunit;

namespace Harmony.Grains.Tests.Storage;

/// <summary>
/// The grain-persistence queries against the provider contract (Orleans 10.4 <c>AdoNetGrainStorage</c>): a write
/// returns exactly one <c>NewGrainStateVersion</c> row when applied; on an ETag conflict it returns the unchanged
/// version, or no row when the grain had no ETag; a clear returns the new version or the unchanged one.
/// </summary>
public abstract class PersistenceQueryContract
{
    /// <summary>A runner on a database with the Harmony schema installed.</summary>
    protected abstract Task<OrleansQueryRunner> RunnerAsync();

    private static (string, object?, DbType)[] Key(string? extension, int? version = null, byte[]? payload = null, bool withPayload = false)
    {
        var list = new List<(string, object?, DbType)>
        {
            ("GrainIdHash", 123456, DbType.Int32),
            ("GrainIdN0", 0L, DbType.Int64),
            ("GrainIdN1", 0L, DbType.Int64),
            ("GrainTypeHash", -98765, DbType.Int32),
            ("GrainTypeString", "counter", DbType.String),
            ("GrainIdExtensionString", extension, DbType.String),
            ("ServiceId", "svc", DbType.String),
            ("GrainStateVersion", version, DbType.Int32),
        };
        if (withPayload)
        {
            list.Add(("PayloadBinary", payload, DbType.Binary));
        }

        return [.. list];
    }

    private static int?[] Versions(List<object?[]> rows) =>
        rows.Select(r => r[0] is null ? (int?)null : Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public async Task Write_read_and_clear_follow_the_optimistic_version_contract()
    {
        var run = await RunnerAsync();

        Assert.Empty(await run.RunAsync("ReadFromStorageKey", Key("alice")));
        Assert.Equal([1], Versions(await run.RunAsync("WriteToStorageKey", Key("alice", null, [1], withPayload: true))));
        // A second first-write (two activations) must not insert a second row: no row back means conflict.
        Assert.Empty(await run.RunAsync("WriteToStorageKey", Key("alice", null, [9], withPayload: true)));

        var read = Assert.Single(await run.RunAsync("ReadFromStorageKey", Key("alice")));
        Assert.Equal([1], (byte[])read[0]!);
        Assert.Equal(1, Convert.ToInt32(read[1], CultureInfo.InvariantCulture));

        Assert.Equal([2], Versions(await run.RunAsync("WriteToStorageKey", Key("alice", 1, [2], withPayload: true))));
        // Stale ETag: the unchanged version comes back and the payload stays.
        Assert.Equal([1], Versions(await run.RunAsync("WriteToStorageKey", Key("alice", 1, [8], withPayload: true))));
        Assert.Equal([2], (byte[])(await run.RunAsync("ReadFromStorageKey", Key("alice")))[0][0]!);

        Assert.Equal([3], Versions(await run.RunAsync("ClearStorageKey", Key("alice", 2))));
        Assert.Equal([2], Versions(await run.RunAsync("ClearStorageKey", Key("alice", 2))));
        var cleared = Assert.Single(await run.RunAsync("ReadFromStorageKey", Key("alice")));
        Assert.Null(cleared[0]);
        Assert.Equal(3, Convert.ToInt32(cleared[1], CultureInfo.InvariantCulture));
        Assert.Equal([4], Versions(await run.RunAsync("WriteToStorageKey", Key("alice", 3, [4], withPayload: true))));
    }

    [Fact]
    public async Task A_null_key_extension_and_a_present_one_are_different_grains()
    {
        var run = await RunnerAsync();

        Assert.Equal([1], Versions(await run.RunAsync("WriteToStorageKey", Key(null, null, [5], withPayload: true))));
        Assert.Equal([1], Versions(await run.RunAsync("WriteToStorageKey", Key("ext", null, [6], withPayload: true))));
        Assert.Empty(await run.RunAsync("WriteToStorageKey", Key(null, null, [7], withPayload: true)));

        Assert.Equal([5], (byte[])Assert.Single(await run.RunAsync("ReadFromStorageKey", Key(null)))[0]!);
        Assert.Equal([6], (byte[])Assert.Single(await run.RunAsync("ReadFromStorageKey", Key("ext")))[0]!);
    }
}
