using System.Text.Json.Nodes;
using System.Threading.Channels;
using Harmony.Core.Protocol;
using Harmony.Gateway.Hubs;
using Harmony.Gateway.Tests.Infrastructure;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Abstractions.Member;
using Microsoft.AspNetCore.SignalR.Client;

namespace Harmony.Gateway.Tests.Hubs;

[Collection(NodeCollection.Name)]
public sealed class DirectMessageAndMembershipTests(NodeFixture fixture)
{
    private GatewayFactory Node => fixture.Node;

    [Fact]
    public async Task An_opened_DM_reaches_both_indexes_and_the_peer_reads_and_writes_with_its_delegated_capability()
    {
        using var alice = new TestUser();
        using var bob = new TestUser();
        await using var a = await alice.ConnectAsync(Node);
        await using var b = await bob.ConnectAsync(Node, messagePack: true);
        var dm = await Community.CreateAsync(alice, a);
        var grant = alice.Delegate(alice.Root(dm.Id), bob.Did, dm.Target, Actions.Read, Actions.SendMessage, Actions.React, Actions.AddMember);
        var grantId = await a.InvokeAsync<string>(nameof(HarmonyHub.RegisterCapability), dm.Id, grant.ToJsonString());

        var mine = await a.InvokeAsync<DirectMessageLink>(nameof(HarmonyHub.OpenDirectMessage), bob.Did, dm.Id, dm.ChannelId, grantId);

        Assert.Equal(new DirectMessageLink { Peer = bob.Did, ChannelId = dm.ChannelId, CommunityId = dm.Id, CapabilityId = dm.RootCapabilityId }, mine);
        Assert.Contains(mine, await a.InvokeAsync<List<DirectMessageLink>>(nameof(HarmonyHub.GetDirectMessages)));
        var theirs = Assert.Single(await b.InvokeAsync<List<DirectMessageLink>>(nameof(HarmonyHub.GetDirectMessages)));
        Assert.Equal(new DirectMessageLink { Peer = alice.Did, ChannelId = dm.ChannelId, CommunityId = dm.Id, CapabilityId = grantId }, theirs);
        Assert.Equal(1, (await b.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), bob.Envelope(dm.ChannelId), theirs.CapabilityId, null)).Seq);
        Assert.Single((await b.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), dm.ChannelId, 0L, 10, theirs.CapabilityId)).Entries);
    }

    [Fact]
    public async Task Opening_a_DM_is_refused_unless_the_caller_owns_the_community_and_the_capability_is_the_peers()
    {
        using var alice = new TestUser();
        using var bob = new TestUser();
        using var mallory = new TestUser();
        await using var a = await alice.ConnectAsync(Node);
        await using var b = await bob.ConnectAsync(Node);
        await using var m = await mallory.ConnectAsync(Node);
        var dm = await Community.CreateAsync(alice, a);
        var toBob = await a.InvokeAsync<string>(nameof(HarmonyHub.RegisterCapability), dm.Id,
            alice.Delegate(alice.Root(dm.Id), bob.Did, dm.Target, Actions.Read, Actions.SendMessage).ToJsonString());
        var toMallory = await a.InvokeAsync<string>(nameof(HarmonyHub.RegisterCapability), dm.Id,
            alice.Delegate(alice.Root(dm.Id), mallory.Did, dm.Target, Actions.Read).ToJsonString());

        async Task<string> Refusal(HubConnection connection, string peer, string channel, string capability) =>
            (await HubErrors.CodeOf(() => connection.InvokeAsync<DirectMessageLink>(nameof(HarmonyHub.OpenDirectMessage), peer, dm.Id, channel, capability))).Code;

        Assert.Equal(ErrorCodes.Unauthorized, await Refusal(m, bob.Did, dm.ChannelId, toBob));
        Assert.Equal(ErrorCodes.CapabilityInvalid, await Refusal(a, bob.Did, dm.ChannelId, toMallory));
        Assert.Equal(ErrorCodes.CapabilityInvalid, await Refusal(a, bob.Did, dm.ChannelId, "urn:uuid:not-registered"));
        Assert.Equal(ErrorCodes.NotFound, await Refusal(a, bob.Did, "no-such-channel", toBob));
        Assert.Equal(ErrorCodes.BadRequest, await Refusal(a, "did:example:bob", dm.ChannelId, toBob));
        Assert.Empty(await b.InvokeAsync<List<DirectMessageLink>>(nameof(HarmonyHub.GetDirectMessages)));
        Assert.Empty(await a.InvokeAsync<List<DirectMessageLink>>(nameof(HarmonyHub.GetDirectMessages)));
    }

    [Fact]
    public async Task Watchers_of_a_channel_hear_members_join_leave_and_get_kicked()
    {
        using var alice = new TestUser();
        using var bob = new TestUser();
        using var carol = new TestUser();
        await using var a = await alice.ConnectAsync(Node);
        await using var b = await bob.ConnectAsync(Node);
        await using var c = await carol.ConnectAsync(Node);
        var community = await Community.CreateAsync(alice, a);
        var events = Channel.CreateUnbounded<MembershipEvent>();
        a.On<MembershipEvent>(HubEvents.Membership, e => events.Writer.TryWrite(e));
        await a.InvokeAsync<WatchResult>(nameof(HarmonyHub.Watch), community.ChannelId, community.RootCapabilityId);

        await community.InviteAndJoinAsync(bob, b);
        Assert.Equal(new MembershipEvent(community.ChannelId, bob.Did, true), await Wait.ReadAsync(events));
        await community.InviteAndJoinAsync(carol, c);
        Assert.Equal(new MembershipEvent(community.ChannelId, carol.Did, true), await Wait.ReadAsync(events));

        await a.InvokeAsync(nameof(HarmonyHub.Kick), community.Id, bob.Did,
            alice.Invoke(alice.Root(community.Id), Actions.Kick, community.Target, new JsonObject { ["member"] = bob.Did }));
        Assert.Equal(new MembershipEvent(community.ChannelId, bob.Did, false), await Wait.ReadAsync(events));
        await c.InvokeAsync(nameof(HarmonyHub.Leave), community.Id, carol.Invoke(carol.Root(community.Id), Actions.Leave, community.Target));
        Assert.Equal(new MembershipEvent(community.ChannelId, carol.Did, false), await Wait.ReadAsync(events));
    }

    [Fact]
    public async Task Members_of_an_open_community_read_and_write_by_the_root_id_until_they_leave()
    {
        using var alice = new TestUser();
        using var bob = new TestUser();
        using var mallory = new TestUser();
        await using var a = await alice.ConnectAsync(Node);
        await using var b = await bob.ConnectAsync(Node);
        await using var m = await mallory.ConnectAsync(Node);
        var id = "o" + Guid.NewGuid().ToString("N")[..12];
        var target = InvocationTargets.Community(id);
        var info = await a.InvokeAsync<Grains.Abstractions.Community.CommunityInfo>(nameof(HarmonyHub.CreateCommunity), id, "Open " + id, true,
            alice.Invoke(alice.Root(id), Actions.Create, target, new JsonObject { ["name"] = "Open " + id }));
        var channel = "general-" + id;
        await a.InvokeAsync<Grains.Abstractions.Community.ChannelSummary>(nameof(HarmonyHub.CreateChannel), id, channel, "general", (int)ChannelKind.Text, null, 0,
            alice.Invoke(alice.Root(id), Actions.ManageChannels, target, new JsonObject { ["channel"] = channel }));
        var root = info.RootCapabilityId;
        var fromAlice = alice.Envelope(channel);
        Assert.Equal(1, (await a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), fromAlice, root, null)).Seq);

        // A stranger who has not joined is refused; the same calls succeed once bob signed a join.
        Assert.Equal(ErrorCodes.CapabilityInvalid, (await HubErrors.CodeOf(() => m.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), mallory.Envelope(channel), root, null))).Code);
        Assert.Equal(ErrorCodes.CapabilityInvalid, (await HubErrors.CodeOf(() => m.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), channel, 0L, 10, root))).Code);
        await b.InvokeAsync<Grains.Abstractions.Community.MemberInfo>(nameof(HarmonyHub.Join), id, bob.Invoke(bob.Root(id), Actions.Join, target), Array.Empty<string>());
        await b.InvokeAsync<WatchResult>(nameof(HarmonyHub.Watch), channel, root);
        Assert.Equal(2, (await b.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), bob.Envelope(channel), root, null)).Seq);
        Assert.Equal(2, (await b.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), channel, 0L, 10, root)).Entries.Count);
        // Member-level actions only: moderating needs more than membership.
        Assert.Equal(ErrorCodes.CapabilityInvalid, (await HubErrors.CodeOf(() => b.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send),
            bob.Envelope(channel, kind: EnvelopeKind.Pin, target: EnvelopeCodec.Decode(fromAlice).Id), root, null))).Code);

        await b.InvokeAsync(nameof(HarmonyHub.Leave), id, bob.Invoke(bob.Root(id), Actions.Leave, target));
        Assert.Equal(ErrorCodes.CapabilityInvalid, (await HubErrors.CodeOf(() => b.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), bob.Envelope(channel), root, null))).Code);
        Assert.Equal(2, (await a.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), channel, 0L, 10, root)).LastSeq);
    }
}
