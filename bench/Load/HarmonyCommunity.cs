using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Harmony.Core.Crypto;
using Harmony.Core.Protocol;
using Microsoft.AspNetCore.SignalR.Client;

namespace Harmony.Bench.Load;

/// <summary>
/// The community of a Harmony run, set up through the hub like real clients do: the owner logs in and creates the
/// community and its channel; each client logs in with its own key, joins with an invite the owner delegated to it
/// (a real ZCAP delegation) and then proves by reference to that invite.
/// </summary>
internal sealed class HarmonyCommunity : IAsyncDisposable
{
    public const string ChannelId = "load";

    private readonly Uri _server;
    private readonly LoadClient _owner;
    private readonly Ed25519KeyPair _ownerKey;
    private readonly JsonObject _root;
    private readonly string _target;

    private HarmonyCommunity(Uri server, LoadClient owner, Ed25519KeyPair ownerKey, string id)
    {
        _server = server;
        _owner = owner;
        _ownerKey = ownerKey;
        Id = id;
        _target = InvocationTargets.Community(id);
        _root = CapabilityIssuer.CreateRoot(_target, owner.Did);
    }

    public string Id { get; }

    public static async Task<HarmonyCommunity> CreateAsync(Uri server)
    {
        var key = Ed25519KeyPair.Generate();
        var owner = await LoadClient.ConnectAsync(server, Ed25519KeyPair.FromSeed(key.ExportSeed()));
        var community = new HarmonyCommunity(server, owner, key, "load-" + Guid.NewGuid().ToString("N")[..8]);
        await owner.Connection.InvokeAsync<object>("CreateCommunity", community.Id, "Load", false,
            community.Invoke(Actions.Create, new JsonObject { ["name"] = "Load" }));
        await owner.Connection.InvokeAsync<object>("CreateChannel", community.Id, ChannelId, ChannelId, 0, null, 0,
            community.Invoke(Actions.ManageChannels, new JsonObject { ["channel"] = ChannelId }));
        return community;
    }

    /// <summary>Connects <paramref name="count"/> members (logged in, joined by invite), at most 16 set-ups at a time.</summary>
    public async Task<List<LoadClient>> AddMembersAsync(int count)
    {
        var clients = new LoadClient[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var key = Ed25519KeyPair.Generate();
            var client = await LoadClient.ConnectAsync(_server, key);
            var invite = CapabilityIssuer.Delegate(_root, new DelegationRequest(client.Did, _target,
                [Actions.Join, Actions.Read, Actions.SendMessage], DateTimeOffset.UtcNow.AddDays(1)), _ownerKey);
            var join = CapabilityIssuer.Invoke(new JsonObject(), invite, new InvocationRequest(Actions.Join, _target), key).ToJsonString();
            await client.Connection.InvokeAsync<object>("Join", Id, join, null);
            client.CapabilityId = invite["id"]!.GetValue<string>();
            clients[i] = client;
        });
        return [.. clients];
    }

    private string Invoke(string action, JsonObject document) =>
        CapabilityIssuer.Invoke(document, _root, new InvocationRequest(action, _target), _ownerKey).ToJsonString();

    public async ValueTask DisposeAsync()
    {
        await _owner.DisposeAsync();
        _ownerKey.Dispose();
    }
}
