using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Protocol;
using Microsoft.AspNetCore.SignalR.Client;

namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>A closed community with one text channel, created over a raw hub connection by <see cref="Owner"/>.</summary>
/// <param name="Id">The community id.</param>
/// <param name="ChannelId">Its text channel.</param>
/// <param name="Owner">The creator.</param>
/// <param name="RootCapabilityId">The root capability id (the owner's proof).</param>
public sealed record RawCommunity(string Id, string ChannelId, HubUser Owner, string RootCapabilityId)
{
    /// <summary>The community's invocation target.</summary>
    public string Target => InvocationTargets.Community(Id);

    /// <summary>Creates the community and its channel <c>general-&lt;id&gt;</c>.</summary>
    public static async Task<RawCommunity> CreateAsync(HubUser owner, HubConnection connection)
    {
        var id = "c" + Guid.NewGuid().ToString("N")[..12];
        var root = owner.Root(id);
        var target = InvocationTargets.Community(id);
        var info = await connection.InvokeAsync<JsonElement>("CreateCommunity", id, "Test " + id, false,
            owner.Invoke(root, Actions.Create, target, new JsonObject { ["name"] = "Test " + id }));
        await connection.InvokeAsync<JsonElement>("CreateChannel", id, "general-" + id, "general", 0, null, 0,
            owner.Invoke(root, Actions.ManageChannels, target, new JsonObject { ["channel"] = "general-" + id }));
        return new RawCommunity(id, "general-" + id, owner, info.GetProperty("rootCapabilityId").GetString()!);
    }

    /// <summary>The owner's invite for <paramref name="joiner"/> (Join, Read, SendMessage, React, AddMember).</summary>
    public JsonObject InviteFor(HubUser joiner) =>
        Owner.Delegate(Owner.Root(Id), joiner.Did, Target, Actions.Join, Actions.Read, Actions.SendMessage, Actions.React, Actions.AddMember);

    /// <summary>Invites and joins <paramref name="joiner"/> over its connection; returns the joiner's capability id.</summary>
    public async Task<string> InviteAndJoinAsync(HubUser joiner, HubConnection joinerConnection)
    {
        var member = await joinerConnection.InvokeAsync<JsonElement>("Join", Id, joiner.Invoke(InviteFor(joiner), Actions.Join, Target), Array.Empty<string>());
        return member.GetProperty("capabilityId").GetString()!;
    }
}
