using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Harmony.Core.Protocol;
using Harmony.Grains.Abstractions.Authorization;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Abstractions.Community;

namespace Harmony.Grains.Tests.Support;

/// <summary>A community with an owner and channels "a" and "b" (ids made unique per scenario), and helpers to add members.</summary>
public sealed class CommunityScenario
{
    private static int _counter;

    private CommunityScenario(IClusterClient client, string id)
    {
        Client = client;
        Id = id;
        Target = InvocationTargets.Community(id);
        Root = CapabilityIssuer.CreateRoot(Target, Owner.Did);
        ChannelA = id + "-a";
        ChannelB = id + "-b";
    }

    public IClusterClient Client { get; }

    public string Id { get; }

    public string Target { get; }

    public Actor Owner { get; } = new();

    public JsonObject Root { get; }

    public string ChannelA { get; }

    public string ChannelB { get; }

    public ICommunityGrain Community => Client.GetGrain<ICommunityGrain>(Id);

    public IChannelGrain Channel(string id) => Client.GetGrain<IChannelGrain>(id);

    public string ChannelTarget(string channel) => InvocationTargets.Channel(Id, channel);

    public static async Task<CommunityScenario> CreateAsync(IClusterClient client, bool open = false, TimeSpan slowMode = default)
    {
        var s = new CommunityScenario(client, $"c{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}"[..20]);
        await s.Community.CreateAsync(new CommunitySetup { Name = "Test", Owner = s.Owner.Did, Open = open },
            s.Owner.Invoke(s.Root, Actions.Create, s.Target, new JsonObject { ["name"] = "Test" }));
        foreach (var channel in new[] { s.ChannelA, s.ChannelB })
            await s.Community.CreateChannelAsync(new ChannelSpec { Id = channel, Name = channel, SlowMode = slowMode },
                s.Owner.Invoke(s.Root, Actions.ManageChannels, s.Target, new JsonObject { ["channel"] = channel }));
        return s;
    }

    /// <summary>Invites <paramref name="member"/> with <paramref name="actions"/> on <paramref name="target"/> (the community when null) and joins.</summary>
    public async Task<JsonObject> JoinAsync(Actor member, string? target = null, params string[] actions)
    {
        var all = actions.Length == 0 ? [Actions.Join, Actions.Leave, Actions.Read, Actions.SendMessage, Actions.React] : actions.Append(Actions.Join).Distinct().ToArray();
        var invite = Owner.Delegate(Root, member.Did, target ?? Target, all);
        await Community.JoinAsync(new JoinRequest { Invocation = member.Invoke(invite, Actions.Join, Target) });
        return invite;
    }

    /// <summary>Appends by capability reference (the envelope signature is the author's proof).</summary>
    public Task<AppendResult> AppendAsync(string channel, byte[] envelope, JsonObject capability) =>
        Channel(channel).AppendAsync(envelope, CapabilityProof.ByReference(CapId(capability)));

    /// <summary>Appends with a per-envelope invocation.</summary>
    public Task<AppendResult> AppendInvokedAsync(string channel, Actor author, byte[] envelope, JsonObject capability) =>
        Channel(channel).AppendAsync(envelope, CapabilityProof.ByInvocation(
            author.Invoke(capability, Actions.SendMessage, ChannelTarget(channel), new JsonObject { ["envelope"] = Actor.IdOf(envelope) })));

    public static string CapId(JsonObject capability) => capability["id"]!.GetValue<string>();
}
