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
public sealed class HubFeatureTests(NodeFixture fixture)
{
    private GatewayFactory Node => fixture.Node;

    [Fact]
    public async Task KeyPackages_are_uploaded_and_each_claimed_once_then_the_last_resort()
    {
        using var alice = new TestUser();
        using var bob = new TestUser();
        await using var a = await alice.ConnectAsync(Node);
        await using var b = await bob.ConnectAsync(Node, messagePack: true);

        Assert.Equal(2, await b.InvokeAsync<int>(nameof(HarmonyHub.UploadKeyPackages), new[] { new byte[] { 1, 1 }, new byte[] { 2, 2 } }, new byte[] { 9, 9 }));
        var claimed = new List<byte[]>();
        for (var i = 0; i < 2; i++)
        {
            var claim = await a.InvokeAsync<KeyPackageClaim?>(nameof(HarmonyHub.ClaimKeyPackage), bob.Did);
            Assert.False(claim!.LastResort);
            claimed.Add(claim.KeyPackage);
        }
        Assert.Equal([[1, 1], [2, 2]], claimed.OrderBy(k => k[0]));
        Assert.Equal(0, await b.InvokeAsync<int>(nameof(HarmonyHub.CountKeyPackages)));
        var last = await a.InvokeAsync<KeyPackageClaim?>(nameof(HarmonyHub.ClaimKeyPackage), bob.Did);
        Assert.True(last!.LastResort);
        Assert.Equal([9, 9], last.KeyPackage);

        var tooMany = Enumerable.Range(0, 101).Select(i => new byte[] { (byte)i }).ToArray();
        Assert.Equal(ErrorCodes.TooLarge, (await HubErrors.CodeOf(() => b.InvokeAsync<int>(nameof(HarmonyHub.UploadKeyPackages), tooMany, null))).Code);
    }

    [Fact]
    public async Task A_banned_member_can_no_longer_send_or_read()
    {
        using var alice = new TestUser();
        using var bob = new TestUser();
        await using var a = await alice.ConnectAsync(Node);
        await using var b = await bob.ConnectAsync(Node);
        var community = await Community.CreateAsync(alice, a);
        var bobCapability = await community.InviteAndJoinAsync(bob, b);
        Assert.Equal(1, (await b.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), bob.Envelope(community.ChannelId), bobCapability, null)).Seq);

        await a.InvokeAsync(nameof(HarmonyHub.Ban), community.Id, bob.Did,
            alice.Invoke(alice.Root(community.Id), Actions.Ban, community.Target, new JsonObject { ["member"] = bob.Did }));

        Assert.Equal(ErrorCodes.Banned, (await HubErrors.CodeOf(() => b.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), bob.Envelope(community.ChannelId), bobCapability, null))).Code);
        var read = await HubErrors.CodeOf(() => b.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), community.ChannelId, 0L, 10, bobCapability));
        Assert.Contains(read.Code, new[] { ErrorCodes.Banned, ErrorCodes.CapabilityInvalid });
        var audit = await a.InvokeAsync<List<JsonObject>>(nameof(HarmonyHub.GetAuditLog), community.Id, 0L, 50);
        Assert.Contains(audit, e => (string?)e["action"] == Actions.Ban);
    }

    [Fact]
    public async Task Threads_are_started_from_a_message_and_carry_their_own_log()
    {
        using var alice = new TestUser();
        await using var a = await alice.ConnectAsync(Node);
        var community = await Community.CreateAsync(alice, a);
        var root = alice.Envelope(community.ChannelId);
        await a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), root, community.RootCapabilityId, null);
        var rootId = EnvelopeCodec.Decode(root).Id;

        var thread = await a.InvokeAsync<ChannelInfo>(nameof(HarmonyHub.CreateThread), community.ChannelId, rootId, community.RootCapabilityId, null);
        Assert.Equal(InvocationTargets.ThreadChannelId(community.ChannelId, rootId), thread.ChannelId);
        Assert.Equal(ChannelKind.Thread, thread.Kind);

        var reply = alice.Envelope(thread.ChannelId, thread: rootId);
        Assert.Equal(1, (await a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), reply, community.RootCapabilityId, null)).Seq);
        var info = await a.InvokeAsync<ChannelInfo>(nameof(HarmonyHub.GetChannel), community.ChannelId, community.RootCapabilityId);
        Assert.Contains(thread.ChannelId, info.Threads);
    }

    [Fact]
    public async Task Presence_profiles_memberships_and_direct_messages()
    {
        using var alice = new TestUser();
        using var bob = new TestUser();
        await using var a = await alice.ConnectAsync(Node);
        var community = await Community.CreateAsync(alice, a);

        var presence = Channel.CreateUnbounded<PresenceEvent>();
        a.On<PresenceEvent>(HubEvents.Presence, p => presence.Writer.TryWrite(p));
        await a.InvokeAsync(nameof(HarmonyHub.WatchPresence), bob.Did);
        var b = await bob.ConnectAsync(Node);
        var online = await Wait.ReadAsync(presence);
        Assert.Equal((bob.Did, true, 1), (online.Did, online.Online, online.Connections));
        Assert.True((await a.InvokeAsync<PresenceInfo>(nameof(HarmonyHub.GetPresence), bob.Did)).Online);
        await b.DisposeAsync();
        var offline = await Wait.ReadAsync(presence);
        Assert.Equal((bob.Did, false), (offline.Did, offline.Online));

        await a.InvokeAsync(nameof(HarmonyHub.SetProfile), new MemberProfile { DisplayName = "Alice" });
        Assert.Equal("Alice", (await a.InvokeAsync<MemberProfile>(nameof(HarmonyHub.GetProfile), alice.Did)).DisplayName);
        Assert.Contains(community.Id, await a.InvokeAsync<List<string>>(nameof(HarmonyHub.GetMemberships)));
        await a.InvokeAsync(nameof(HarmonyHub.AddDirectMessage), bob.Did, "dm-" + community.Id);
        var dms = await a.InvokeAsync<List<DirectMessageLink>>(nameof(HarmonyHub.GetDirectMessages));
        Assert.Contains(dms, d => d.Peer == bob.Did && d.ChannelId == "dm-" + community.Id);
    }
}
