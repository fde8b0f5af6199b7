using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Harmony.Core.Protocol;
using Harmony.Grains.Abstractions.Authorization;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Abstractions.Community;

namespace Harmony.Bench.Cluster;

/// <summary>
/// A community with channels and members who joined by invitation (real ZCAP delegations, registered with the
/// community), and generators of appends: envelopes signed by the members, proven by reference to their capability
/// (the envelope signature is the author's proof, as on the hub path).
/// </summary>
internal sealed class BenchCommunity
{
    private readonly IClusterClient _client;
    private readonly Author _owner = new();
    private readonly List<(Author Author, CapabilityProof Proof)> _members = [];

    private BenchCommunity(IClusterClient client, string id)
    {
        _client = client;
        Id = id;
    }

    public string Id { get; }

    /// <summary>The first member's invitation (a delegated capability), for measuring capability checks.</summary>
    public JsonObject? FirstInvite { get; private set; }

    /// <summary>The owner's DID (the root controller).</summary>
    public string OwnerDid => _owner.Did;

    public static async Task<BenchCommunity> CreateAsync(IClusterClient client, IEnumerable<string> channels, int members)
    {
        var community = new BenchCommunity(client, "bench-" + Guid.NewGuid().ToString("N")[..8]);
        var target = InvocationTargets.Community(community.Id);
        var root = CapabilityIssuer.CreateRoot(target, community._owner.Did);
        var grain = client.GetGrain<ICommunityGrain>(community.Id);
        await grain.CreateAsync(new CommunitySetup { Name = "Bench", Owner = community._owner.Did },
            community.Invoke(root, Actions.Create, target, new JsonObject { ["name"] = "Bench" }));
        foreach (var channel in channels)
            await grain.CreateChannelAsync(new ChannelSpec { Id = channel, Name = channel },
                community.Invoke(root, Actions.ManageChannels, target, new JsonObject { ["channel"] = channel }));
        for (var i = 0; i < members; i++)
        {
            var member = new Author();
            var invite = CapabilityIssuer.Delegate(root, new DelegationRequest(member.Did, target,
                [Actions.Join, Actions.Read, Actions.SendMessage], DateTimeOffset.UtcNow.AddDays(1)), community._owner.Key);
            await grain.JoinAsync(new JoinRequest
            {
                Invocation = CapabilityIssuer.Invoke(new JsonObject(), invite, new InvocationRequest(Actions.Join, target), member.Key).ToJsonString(),
            });
            community._members.Add((member, CapabilityProof.ByReference(invite["id"]!.GetValue<string>())));
            community.FirstInvite ??= invite;
        }

        return community;
    }

    /// <summary>A read proof of the first member.</summary>
    public CapabilityProof ReadProof => _members[0].Proof with { Holder = _members[0].Author.Did };

    /// <summary>
    /// Signs <paramref name="count"/> envelopes of <paramref name="size"/> bytes of ciphertext, append i going to
    /// channel i mod the channel count, authors taking turns (in parallel; not part of any timing).
    /// </summary>
    public Append[] Generate(IReadOnlyList<string> channels, int count, int size)
    {
        var grains = channels.Select(c => _client.GetGrain<IChannelGrain>(c)).ToArray();
        var appends = new Append[count];
        Parallel.For(0, count, i =>
        {
            var (author, proof) = _members[i / channels.Count % _members.Count];
            appends[i] = new Append(grains[i % channels.Count], author.SignEnvelope(channels[i % channels.Count], size), proof);
        });
        return appends;
    }

    private string Invoke(JsonObject capability, string action, string target, JsonObject document) =>
        CapabilityIssuer.Invoke(document, capability, new InvocationRequest(action, target), _owner.Key).ToJsonString();
}
