using System.Text.Json.Nodes;
using Harmony.Core.Protocol;
using Harmony.Grains.Tests.Support;

namespace Harmony.Grains.Tests.Channel;

[Collection(ClusterCollection.Name)]
public sealed class CrossSiloTests(SqliteClusterFixture fixture)
{
    [Fact]
    public async Task A_ban_and_a_revocation_reach_channels_hosted_on_other_silos_before_the_call_returns()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var alice = new Actor();
        var bob = new Actor();
        var aliceCap = await s.JoinAsync(alice);
        var bobCap = await s.JoinAsync(bob);
        await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA), aliceCap);
        await s.AppendAsync(s.ChannelB, bob.SignEnvelope(s.ChannelB), bobCap);
        var silos = fixture.Cluster.Silos;
        Assert.True(silos.Count >= 3);
        await fixture.Cluster.MigrateAsync(s.Community, silos[0].SiloAddress);
        await fixture.Cluster.MigrateAsync(s.Channel(s.ChannelA), silos[1].SiloAddress);
        await fixture.Cluster.MigrateAsync(s.Channel(s.ChannelB), silos[2].SiloAddress);
        // The channels still serve after moving (head state and log are durable).
        Assert.Equal(2, (await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: 2), aliceCap)).Seq);

        await s.Community.BanAsync(alice.Did, s.Owner.Invoke(s.Root, Actions.Ban, s.Target, new JsonObject { ["member"] = alice.Did }));
        var bobId = CommunityScenario.CapId(bobCap);
        await s.Community.RevokeAsync(bobId, s.Owner.Invoke(s.Root, Actions.ManageRoles, s.Target, new JsonObject { ["capability"] = bobId }));

        await Refused.WithAsync(ErrorCodes.Banned, () => s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: 3), aliceCap));
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelB, bob.SignEnvelope(s.ChannelB, lamport: 2), bobCap));
    }
}
