using System.Text.Json.Nodes;
using Harmony.Core.Protocol;
using Harmony.Grains.Abstractions.Authorization;
using Harmony.Grains.Abstractions.Community;
using Harmony.Grains.Abstractions.Member;
using Harmony.Grains.Tests.Support;
using Orleans.TestingHost;

namespace Harmony.Grains.Tests.Cluster;

/// <summary>
/// Grain state of the community, channel and member grains goes through the Orleans ADO.NET provider into the
/// database (never silo memory): it is re-read after deactivation, it is in <c>OrleansStorage</c>, and when the
/// database refuses a write the grain call fails instead of being acknowledged. Runs on SQLite and PostgreSQL; an
/// unreachable PostgreSQL server fails these tests.
/// </summary>
public abstract class GrainPersistenceTests<TDatabase> : IAsyncLifetime
    where TDatabase : DurableDatabase, new()
{
    private readonly TDatabase _database = new();
    private InProcessTestCluster _cluster = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _cluster = await DurableTestCluster.DeployAsync(_database, silos: 2);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Community_channel_and_member_state_is_reread_from_the_database_after_deactivation()
    {
        var s = await CommunityScenario.CreateAsync(_cluster.Client);
        var alice = new Actor();
        var bob = new Actor();
        var aliceCap = await s.JoinAsync(alice);
        await s.JoinAsync(bob);
        await s.Community.DefineRoleAsync(new RoleTemplate { Name = "helper", AllowedActions = [Actions.Moderate], Target = s.ChannelTarget(s.ChannelA) },
            s.Owner.Invoke(s.Root, Actions.ManageRoles, s.Target, new JsonObject { ["role"] = "helper" }));
        await s.Community.BanAsync(bob.Did, s.Owner.Invoke(s.Root, Actions.Ban, s.Target, new JsonObject { ["member"] = bob.Did }));
        await s.Channel(s.ChannelA).SetSlowModeAsync(TimeSpan.FromSeconds(30),
            s.Owner.Invoke(s.Root, Actions.ManageChannels, s.ChannelTarget(s.ChannelA), new JsonObject { ["slowModeSeconds"] = "30" }));
        var appended = await s.AppendAsync(s.ChannelB, alice.SignEnvelope(s.ChannelB), aliceCap);
        var member = _cluster.Client.GetGrain<IMemberGrain>(alice.Did);
        await member.UploadKeyPackagesAsync([[1], [2], [3]], [9]);
        var firstClaim = (await member.ClaimKeyPackageAsync())!.KeyPackage;
        await member.SetProfileAsync(new MemberProfile { DisplayName = "Alice" });

        foreach (var grain in new IAddressable[] { s.Community, s.Channel(s.ChannelA), s.Channel(s.ChannelB), member })
            await _cluster.DeactivateAsync(grain);

        var info = await s.Community.GetAsync();
        Assert.Equal(["helper"], info.Roles.Select(r => r.Name));
        Assert.Equal([s.ChannelA, s.ChannelB], info.Channels.Select(c => c.Id));
        Assert.Contains(bob.Did, (await s.Community.GetPolicyAsync()).Banned);
        Assert.Contains(alice.Did, (await s.Community.GetMembersAsync()).Select(m => m.Did));
        Assert.Equal(TimeSpan.FromSeconds(30), (await s.Channel(s.ChannelA).GetInfoAsync()).SlowMode);
        Assert.Equal(appended.Seq, (await s.Channel(s.ChannelB).GetInfoAsync()).LastSeq);
        Assert.Equal(2, await member.CountKeyPackagesAsync());
        Assert.Equal("Alice", (await member.GetProfileAsync()).DisplayName);
        var rest = new[] { (await member.ClaimKeyPackageAsync())!.KeyPackage, (await member.ClaimKeyPackageAsync())!.KeyPackage };
        Assert.DoesNotContain(rest, k => k.SequenceEqual(firstClaim));
        Assert.Equal([9], (await member.ClaimKeyPackageAsync())!.KeyPackage);

        // Community, two channels and one member (plus the other members' grains) have rows with a payload.
        Assert.True(await _database.ScalarAsync("SELECT count(*) FROM OrleansStorage WHERE PayloadBinary IS NOT NULL") >= 4);
    }

    [Fact]
    public async Task A_write_the_database_refuses_fails_the_call()
    {
        var alice = new Actor();
        var member = _cluster.Client.GetGrain<IMemberGrain>(alice.Did);
        Assert.Equal(1, await member.UploadKeyPackagesAsync([[1]], null));

        await _database.ExecuteAsync("DROP TABLE OrleansStorage");

        await Assert.ThrowsAnyAsync<Exception>(() => member.UploadKeyPackagesAsync([[2]], null));
        await Assert.ThrowsAnyAsync<Exception>(() => CommunityScenario.CreateAsync(_cluster.Client));
    }
}
