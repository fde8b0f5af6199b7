using System.Text.Json.Nodes;
using Harmony.Client.Chat.Mls;
using Harmony.Client.Chat.Storage;
using Harmony.Core.Capabilities;
using Harmony.Core.Did;
using Harmony.Core.Protocol;

namespace Harmony.Client.Chat;

public sealed partial class HarmonyChatClient
{
    /// <summary>
    /// Opens (or returns) the direct conversation with <paramref name="peerDid"/>: a closed community
    /// <c>dm-&lt;random&gt;</c> with one channel, <see cref="DirectMessageActions"/> delegated to the peer, an MLS group
    /// with the peer added from one of its KeyPackages, and the hub's DM index entries for both sides.
    /// </summary>
    /// <exception cref="HarmonyClientException"><c>client.mls.no_key_package</c> when the peer has published none.</exception>
    public async Task<DirectMessageInfo> OpenDirectMessageAsync(string peerDid, CancellationToken ct = default)
    {
        if (!DidKey.TryParse(peerDid, out _, out _) || peerDid == Did) throw new HarmonyClientException(ChatErrorCodes.BadArgument, "The peer must be another did:key.");
        var existing = (await ListDirectMessagesAsync(ct)).FirstOrDefault(d => d.Peer == peerDid);
        if (existing is not null) return existing;
        var keyPackage = await ClaimAsync(peerDid, ct)
            ?? throw new HarmonyClientException(ChatErrorCodes.NoKeyPackage, $"'{peerDid}' has no KeyPackage to start an encrypted conversation with.");
        var communityId = "dm-" + NewId().Replace('-', 'x').Replace('_', 'y');
        var info = await CreateOwnedCommunityAsync(communityId, "dm", false, peerDid, ct);
        var community = Community(communityId);
        var channelId = NewId();
        await _groups.CreateAsync(channelId, ct);
        await CallAsync<ChannelSummary>("CreateChannel",
            [communityId, channelId, "dm", 0, null, 0, Invoke(community, Actions.ManageChannels, new JsonObject { ["channel"] = channelId })], ct);
        var target = InvocationTargets.Community(communityId);
        var capability = CapabilityIssuer.Delegate(CapabilityIssuer.CreateRoot(target, Did),
            new DelegationRequest(peerDid, target, DirectMessageActions, DateTimeOffset.UtcNow.AddYears(10)), _key);
        var capabilityId = await CallAsync<string>("RegisterCapability", [communityId, capability.ToJsonString()], ct);
        info = await LoadCommunityAsync(communityId, ct);
        await WatchCommunityAsync(info, ct);
        await CommitAsync(channelId, community.CapabilityId, group =>
            group.Members.Any(m => MemberCredentials.DidOf(m.Credential) == peerDid) ? new CommitPlan([], []) : new CommitPlan([peerDid], []), ct, new Dictionary<string, Core.Mls.Messages.KeyPackage?> { [peerDid] = keyPackage });
        await CallAsync<JsonNode>("OpenDirectMessage", [peerDid, communityId, channelId, capabilityId], ct);
        return new DirectMessageInfo(peerDid, channelId, communityId, community.CapabilityId);
    }

    /// <summary>This DID's direct conversations (from the hub's DM index); watches each.</summary>
    public async Task<IReadOnlyList<DirectMessageInfo>> ListDirectMessagesAsync(CancellationToken ct = default)
    {
        await RefreshDirectMessagesAsync(ct);
        return _communities.Values.Where(c => c.Peer is not null && _infos.ContainsKey(c.Id))
            .SelectMany(c => _infos[c.Id].Channels.Take(1).Select(ch => new DirectMessageInfo(c.Peer!, ch.Id, c.Id, c.CapabilityId)))
            .OrderBy(d => d.Peer, StringComparer.Ordinal).ToList();
    }

    private async Task RefreshDirectMessagesAsync(CancellationToken ct)
    {
        var links = await CallAsync<IReadOnlyList<DirectMessageLink>>("GetDirectMessages", [], ct);
        foreach (var link in links)
        {
            if (link.CommunityId is null || link.CapabilityId is null) continue;
            var info = new CommunityInfo { Id = link.CommunityId, Name = "dm", Channels = [new ChannelSummary(link.ChannelId, "dm", 0, null)] };
            if (_infos.TryGetValue(link.CommunityId, out var known)) info = known;
            await RememberCommunityAsync(new StoredCommunity(link.CommunityId, link.CapabilityId, link.Peer, System.Text.Json.JsonSerializer.Serialize(info, Json)), ct);
            Remember(info);
            await WatchAsync(link.ChannelId, link.CapabilityId, ct);
        }
    }
}
