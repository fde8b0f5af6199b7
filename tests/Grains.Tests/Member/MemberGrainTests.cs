using Harmony.Core.Protocol;
using Harmony.Grains.Abstractions.Member;
using Harmony.Grains.Tests.Support;

namespace Harmony.Grains.Tests.Member;

[Collection(ClusterCollection.Name)]
public sealed class MemberGrainTests(SqliteClusterFixture fixture)
{
    private IMemberGrain NewMember() => fixture.Client.GetGrain<IMemberGrain>(new Actor().Did);

    [Fact]
    public async Task Each_key_package_is_claimed_once_then_the_last_resort_one_is_returned_and_kept()
    {
        var member = NewMember();
        byte[] a = [1, 1], b = [2, 2], lastResort = [9, 9];
        Assert.Null(await member.ClaimKeyPackageAsync());
        Assert.Equal(2, await member.UploadKeyPackagesAsync([a, b], lastResort));

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => member.ClaimKeyPackageAsync()));

        var fresh = claims.Where(c => !c!.LastResort).Select(c => c!.KeyPackage).ToList();
        Assert.Equal(2, fresh.Count);
        Assert.Contains(fresh, k => k.SequenceEqual(a));
        Assert.Contains(fresh, k => k.SequenceEqual(b));
        Assert.All(claims.Where(c => c!.LastResort), c => Assert.Equal(lastResort, c!.KeyPackage));
        Assert.Equal(0, await member.CountKeyPackagesAsync());
        Assert.Equal(lastResort, (await member.ClaimKeyPackageAsync())!.KeyPackage);
    }

    [Fact]
    public async Task Key_package_limits_are_enforced()
    {
        var member = NewMember();
        await Refused.WithAsync(ErrorCodes.TooLarge, () => member.UploadKeyPackagesAsync([new byte[new HarmonyGrainOptions().MaxKeyPackageBytes + 1]], null));
        await Refused.WithAsync(ErrorCodes.TooLarge, () => member.UploadKeyPackagesAsync([.. Enumerable.Range(0, new HarmonyGrainOptions().MaxKeyPackages + 1).Select(i => new byte[] { (byte)i })], null));
        Assert.Equal(0, await member.CountKeyPackagesAsync());
    }

    [Fact]
    public async Task Presence_counts_connections_across_gateways_and_drops_a_dead_gateway()
    {
        var member = NewMember();
        Assert.False((await member.GetPresenceAsync()).Online);

        await member.ConnectAsync("gw1", "c1");
        await member.ConnectAsync("gw1", "c2");
        await member.ConnectAsync("gw1", "c2");
        var three = await member.ConnectAsync("gw2", "c3");
        var afterDisconnect = await member.DisconnectAsync("gw1", "c1");
        var afterDrop = await member.DropGatewayAsync("gw2");
        var offline = await member.DisconnectAsync("gw1", "c2");

        Assert.Equal(3, three.Connections);
        Assert.Equal(2, afterDisconnect.Connections);
        Assert.Equal(1, afterDrop.Connections);
        Assert.True(afterDrop.Online);
        Assert.False(offline.Online);
        Assert.NotNull(offline.LastSeen);
    }

    [Fact]
    public async Task Profile_and_direct_message_index_round_trip()
    {
        var member = NewMember();
        var peer = new Actor().Did;
        await member.SetProfileAsync(new MemberProfile { DisplayName = "Ada", Bio = "hi" });
        await member.AddDirectMessageAsync(new DirectMessageLink { Peer = peer, ChannelId = "dm-1" });
        await member.AddDirectMessageAsync(new DirectMessageLink { Peer = peer, ChannelId = "dm-1" });

        Assert.Equal("Ada", (await member.GetProfileAsync()).DisplayName);
        var dms = await member.GetDirectMessagesAsync();
        Assert.Single(dms);
        Assert.Equal(peer, dms[0].Peer);
        await Refused.WithAsync(ErrorCodes.TooLarge, () => member.SetProfileAsync(new MemberProfile { Bio = new string('x', 5000) }));
    }
}
