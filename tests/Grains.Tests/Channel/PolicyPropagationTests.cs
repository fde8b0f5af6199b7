using System.Text.Json.Nodes;
using Harmony.Core.Protocol;
using Harmony.Grains.Tests.Support;

namespace Harmony.Grains.Tests.Channel;

[Collection(ClusterCollection.Name)]
public sealed class PolicyPropagationTests(SqliteClusterFixture fixture)
{
    [Fact]
    public async Task A_ban_and_a_revocation_reach_reactivated_channels_before_the_call_returns()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var alice = new Actor();
        var bob = new Actor();
        var aliceCap = await s.JoinAsync(alice);
        var bobCap = await s.JoinAsync(bob);
        await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA), aliceCap);
        await s.AppendAsync(s.ChannelB, bob.SignEnvelope(s.ChannelB), bobCap);
        // Reactivated channels (placed anew among the three silos) must learn bans and revocations too.
        await fixture.Cluster.DeactivateAsync(s.Channel(s.ChannelA));
        await fixture.Cluster.DeactivateAsync(s.Channel(s.ChannelB));
        Assert.Equal(2, (await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: 2), aliceCap)).Seq);

        await s.Community.BanAsync(alice.Did, s.Owner.Invoke(s.Root, Actions.Ban, s.Target, new JsonObject { ["member"] = alice.Did }));
        var bobId = CommunityScenario.CapId(bobCap);
        await s.Community.RevokeAsync(bobId, s.Owner.Invoke(s.Root, Actions.ManageRoles, s.Target, new JsonObject { ["capability"] = bobId }));

        await Refused.WithAsync(ErrorCodes.Banned, () => s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: 3), aliceCap));
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelB, bob.SignEnvelope(s.ChannelB, lamport: 2), bobCap));
    }
}
