using System.Text.Json.Nodes;
using Harmony.Core.Protocol;
using Harmony.Gateway.Hubs;
using Harmony.Gateway.Tests.Infrastructure;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Abstractions.Community;
using Microsoft.AspNetCore.SignalR.Client;

namespace Harmony.Gateway.Tests.Hubs;

/// <summary>A community created over the hub by <see cref="Owner"/> with one text channel, and helpers to invite and join.</summary>
public sealed record Community(string Id, string ChannelId, TestUser Owner, string RootCapabilityId)
{
    public string Target => InvocationTargets.Community(Id);

    public static async Task<Community> CreateAsync(TestUser owner, HubConnection connection)
    {
        var id = "c" + Guid.NewGuid().ToString("N")[..12];
        var root = owner.Root(id);
        var target = InvocationTargets.Community(id);
        var info = await connection.InvokeAsync<CommunityInfo>(nameof(HarmonyHub.CreateCommunity), id, "Test " + id, false,
            owner.Invoke(root, Actions.Create, target, new JsonObject { ["name"] = "Test " + id }));
        Assert.Equal(owner.Did, info.Owner);
        await connection.InvokeAsync<ChannelSummary>(nameof(HarmonyHub.CreateChannel), id, "general-" + id, "general", (int)ChannelKind.Text, null, 0,
            owner.Invoke(root, Actions.ManageChannels, target, new JsonObject { ["channel"] = "general-" + id }));
        return new Community(id, "general-" + id, owner, info.RootCapabilityId);
    }

    /// <summary>Invites <paramref name="joiner"/> (owner delegates Join/Read/SendMessage/React) and joins over its connection; returns the joiner's capability id.</summary>
    public async Task<string> InviteAndJoinAsync(TestUser joiner, HubConnection joinerConnection)
    {
        var invite = Owner.Delegate(Owner.Root(Id), joiner.Did, Target, Actions.Join, Actions.Read, Actions.SendMessage, Actions.React);
        var member = await joinerConnection.InvokeAsync<MemberInfo>(nameof(HarmonyHub.Join), Id, joiner.Invoke(invite, Actions.Join, Target), Array.Empty<string>());
        Assert.Equal(joiner.Did, member.Did);
        return member.CapabilityId!;
    }
}
