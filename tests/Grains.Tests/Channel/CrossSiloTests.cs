using System.Text.Json.Nodes;
using Harmony.Core.Protocol;
using Harmony.Grains.Tests.Support;

namespace Harmony.Grains.Tests.Channel;

[Collection(ClusterCollection.Name)]
public sealed class CrossSiloTests(SqliteClusterFixture fixture)
{
    [Fact]
    public async Task A_ban_and_a_revocation_reach_channels_on_other_silos_before_the_call_returns()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var alice = new Actor();
        var bob = new Actor();
        var aliceCap = await s.JoinAsync(alice);
        var bobCap = await s.JoinAsync(bob);
        await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA), aliceCap);
        await s.AppendAsync(s.ChannelB, bob.SignEnvelope(s.ChannelB), bobCap);
        // Put the community and the two channels on three different silos.
        var community = await MoveAsync(s.Community, () => s.Community.GetAsync());
        var channelA = await MoveAsync(s.Channel(s.ChannelA), () => s.Channel(s.ChannelA).GetInfoAsync(), community);
        var channelB = await MoveAsync(s.Channel(s.ChannelB), () => s.Channel(s.ChannelB).GetInfoAsync(), community, channelA);
        Assert.Equal(3, new[] { community, channelA, channelB }.Distinct().Count());
        // The channels still serve after moving (head state and log are durable).
        Assert.Equal(2, (await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: 2), aliceCap)).Seq);

        await s.Community.BanAsync(alice.Did, s.Owner.Invoke(s.Root, Actions.Ban, s.Target, new JsonObject { ["member"] = alice.Did }));
        var bobId = CommunityScenario.CapId(bobCap);
        await s.Community.RevokeAsync(bobId, s.Owner.Invoke(s.Root, Actions.ManageRoles, s.Target, new JsonObject { ["capability"] = bobId }));

        await Refused.WithAsync(ErrorCodes.Banned, () => s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: 3), aliceCap));
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelB, bob.SignEnvelope(s.ChannelB, lamport: 2), bobCap));
    }

    /// <summary>
    /// Returns the silo hosting <paramref name="grain"/> (activated by <paramref name="touch"/>), first moving it off the
    /// silos in <paramref name="avoid"/>. (Asking to migrate a grain to the silo it is already on was seen never to complete.)
    /// </summary>
    private async Task<SiloAddress> MoveAsync(IGrain grain, Func<Task> touch, params SiloAddress[] avoid)
    {
        await touch();
        var current = Host(grain);
        if (!avoid.Contains(current)) return current;
        var target = fixture.Cluster.Silos.Select(h => h.SiloAddress).First(a => !avoid.Contains(a) && a != current);
        await fixture.Cluster.MigrateAsync(grain, target).WaitAsync(TimeSpan.FromSeconds(20));
        await touch();
        return Host(grain);
    }

    private SiloAddress Host(IGrain grain) =>
        fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.Address.SiloAddress! : throw new InvalidOperationException("The grain is not active.");
}
