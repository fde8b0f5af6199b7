using System.Threading.Channels;
using Harmony.Core.Protocol;
using Harmony.Gateway.Fanout;
using Harmony.Gateway.Hubs;
using Harmony.Gateway.Tests.Infrastructure;
using Harmony.Grains.Abstractions.Channel;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Harmony.Gateway.Tests.Hubs;

[Collection(NodeCollection.Name)]
public sealed class HubFlowTests(NodeFixture fixture)
{
    private GatewayFactory Node => fixture.Node;

    [Fact]
    public async Task Two_users_create_invite_join_and_both_receive_each_others_envelopes()
    {
        using var alice = new TestUser();
        using var bob = new TestUser();
        await using var a = await alice.ConnectAsync(Node);
        await using var b = await bob.ConnectAsync(Node, messagePack: true);
        var community = await Community.CreateAsync(alice, a);
        var bobCapability = await community.InviteAndJoinAsync(bob, b);

        var aliceEvents = Events(a);
        var bobEvents = Events(b);
        Assert.Equal(0, (await a.InvokeAsync<WatchResult>(nameof(HarmonyHub.Watch), community.ChannelId, community.RootCapabilityId)).LastSeq);
        Assert.Equal(0, (await b.InvokeAsync<WatchResult>(nameof(HarmonyHub.Watch), community.ChannelId, bobCapability)).LastSeq);

        var fromAlice = alice.Envelope(community.ChannelId, [10, 20, 30]);
        var sent = await a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), fromAlice, community.RootCapabilityId, null);
        Assert.Equal(1, sent.Seq);
        Assert.False(sent.Duplicate);
        foreach (var events in new[] { aliceEvents, bobEvents })
        {
            var e = await Wait.ReadAsync(events);
            Assert.Equal((community.ChannelId, 1L), (e.ChannelId, e.Seq));
            Assert.Equal(fromAlice, e.Envelope);
        }

        var fromBob = bob.Envelope(community.ChannelId);
        Assert.Equal(2, (await b.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), fromBob, bobCapability, null)).Seq);
        Assert.Equal(fromBob, (await Wait.ReadAsync(aliceEvents)).Envelope);
        Assert.Equal(fromBob, (await Wait.ReadAsync(bobEvents)).Envelope);

        // Retrying the same envelope is deduplicated.
        var retry = await b.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), fromBob, bobCapability, null);
        Assert.Equal((2L, true), (retry.Seq, retry.Duplicate));

        var page = await b.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), community.ChannelId, 0L, 50, bobCapability);
        Assert.Equal([1L, 2L], page.Entries.Select(x => x.Seq));
        Assert.Equal(fromAlice, page.Entries[0].Envelope);
        Assert.Equal(2, page.LastSeq);

        var typing = Channel.CreateUnbounded<TypingEvent>();
        a.On<TypingEvent>(HubEvents.Typing, t => typing.Writer.TryWrite(t));
        await b.InvokeAsync(nameof(HarmonyHub.Typing), community.ChannelId, bobCapability);
        Assert.Equal(bob.Did, (await Wait.ReadAsync(typing)).Did);
    }

    [Fact]
    public async Task A_non_member_cannot_watch_read_or_send()
    {
        using var alice = new TestUser();
        using var mallory = new TestUser();
        await using var a = await alice.ConnectAsync(Node);
        await using var m = await mallory.ConnectAsync(Node);
        var community = await Community.CreateAsync(alice, a);

        var watch = await HubErrors.CodeOf(() => m.InvokeAsync<WatchResult>(nameof(HarmonyHub.Watch), community.ChannelId, community.RootCapabilityId));
        Assert.Equal(ErrorCodes.CapabilityInvalid, watch.Code);
        var read = await HubErrors.CodeOf(() => m.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), community.ChannelId, 0L, 10, community.RootCapabilityId));
        Assert.Equal(ErrorCodes.CapabilityInvalid, read.Code);
        var send = await HubErrors.CodeOf(() => m.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), mallory.Envelope(community.ChannelId), community.RootCapabilityId, null));
        Assert.Equal(ErrorCodes.CapabilityInvalid, send.Code);
        var members = await HubErrors.CodeOf(() => m.InvokeAsync<object>(nameof(HarmonyHub.GetMembers), community.Id));
        Assert.Equal(ErrorCodes.Unauthorized, members.Code);
        // Mallory cannot act with Alice's signed invocation either.
        var stolen = alice.Invoke(alice.Root(community.Id), Actions.ManageChannels, community.Target, new System.Text.Json.Nodes.JsonObject { ["channel"] = "x" });
        var create = await HubErrors.CodeOf(() => m.InvokeAsync<object>(nameof(HarmonyHub.CreateChannel), community.Id, "x", "x", 0, null, 0, stolen));
        Assert.Equal(ErrorCodes.Unauthorized, create.Code);

        var page = await a.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), community.ChannelId, 0L, 10, community.RootCapabilityId);
        Assert.Empty(page.Entries);
    }

    [Fact]
    public async Task The_fanout_subscription_is_released_when_the_last_watcher_leaves()
    {
        using var alice = new TestUser();
        using var bob = new TestUser();
        var fanout = Node.Services.GetRequiredService<ChannelFanout>();
        var a = await alice.ConnectAsync(Node);
        await using var b = await bob.ConnectAsync(Node);
        var community = await Community.CreateAsync(alice, a);
        var bobCapability = await community.InviteAndJoinAsync(bob, b);

        await a.InvokeAsync<WatchResult>(nameof(HarmonyHub.Watch), community.ChannelId, community.RootCapabilityId);
        await b.InvokeAsync<WatchResult>(nameof(HarmonyHub.Watch), community.ChannelId, bobCapability);
        Assert.Contains(community.ChannelId, fanout.SubscribedChannels);

        await b.InvokeAsync(nameof(HarmonyHub.Unwatch), community.ChannelId);
        Assert.Contains(community.ChannelId, fanout.SubscribedChannels);

        // The last watcher disconnects without unwatching.
        await a.DisposeAsync();
        await Wait.UntilAsync(() => !fanout.SubscribedChannels.Contains(community.ChannelId), "the subscription is released");

        // Watching again subscribes again, and events still arrive.
        var events = Events(b);
        await b.InvokeAsync<WatchResult>(nameof(HarmonyHub.Watch), community.ChannelId, bobCapability);
        var envelope = bob.Envelope(community.ChannelId);
        await b.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), envelope, bobCapability, null);
        Assert.Equal(envelope, (await Wait.ReadAsync(events)).Envelope);
    }

    internal static Channel<EnvelopeEvent> Events(HubConnection connection)
    {
        var channel = Channel.CreateUnbounded<EnvelopeEvent>();
        connection.On<EnvelopeEvent>(HubEvents.Envelope, e => channel.Writer.TryWrite(e));
        return channel;
    }
}
