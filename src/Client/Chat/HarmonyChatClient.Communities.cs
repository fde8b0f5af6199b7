using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Client.Chat.Mls;
using Harmony.Client.Chat.Storage;
using Harmony.Core.Capabilities;
using Harmony.Core.Encoding;
using Harmony.Core.Protocol;

namespace Harmony.Client.Chat;

public sealed partial class HarmonyChatClient
{
    /// <summary>The actions an invite delegates (the web client delegates the same): join, read, write, react, and add joiners to channel groups.</summary>
    public static IReadOnlyList<string> InviteActions { get; } = [Actions.Join, Actions.Read, Actions.SendMessage, Actions.React, Actions.AddMember];

    /// <summary>The actions a DM's owner delegates to the peer (docs/protocol.md, <c>OpenDirectMessage</c>).</summary>
    public static IReadOnlyList<string> DirectMessageActions { get; } = [Actions.Read, Actions.SendMessage, Actions.React, Actions.AddMember];

    /// <summary>Creates a community owned by this DID with a <c>general</c> channel and its MLS group.</summary>
    public async Task<CommunityInfo> CreateCommunityAsync(string name, bool open = false, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var info = await CreateOwnedCommunityAsync(NewId(), name, open, null, ct);
        await CreateChannelAsync(info.Id, "general", null, ct);
        return _infos[info.Id];
    }

    /// <summary>The communities this DID belongs to (from the server; direct-message communities are listed by <see cref="ListDirectMessagesAsync"/>).</summary>
    public async Task<IReadOnlyList<CommunityInfo>> ListCommunitiesAsync(CancellationToken ct = default)
    {
        var ids = await RefreshCommunitiesAsync(ct);
        return _infos.Values.Where(i => ids.Contains(i.Id) && _communities.TryGetValue(i.Id, out var c) && c.Peer is null).OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// An invite link (<c>&lt;server&gt;/#/join/&lt;id&gt;[/&lt;capability&gt;]</c>). For a closed community the owner
    /// delegates <see cref="InviteActions"/> to <paramref name="inviteeDid"/> for <paramref name="lifetime"/> and
    /// registers the capability; an open community's link names only the community.
    /// </summary>
    public async Task<string> CreateInviteAsync(string communityId, string? inviteeDid = null, TimeSpan? lifetime = null, CancellationToken ct = default)
    {
        var info = await CommunityAsync(communityId, ct);
        if (inviteeDid is null)
        {
            if (!info.Open) throw new HarmonyClientException(ChatErrorCodes.BadArgument, "A closed community's invite is delegated to one DID: give the invitee's DID.");
            return new InviteLink(_options.Server, communityId, null).Format();
        }
        if (!Core.Did.DidKey.TryParse(inviteeDid, out _, out _)) throw new HarmonyClientException(ChatErrorCodes.BadArgument, "The invitee must be a did:key.");
        var span = lifetime ?? _options.DefaultInviteLifetime;
        if (span <= TimeSpan.Zero) throw new HarmonyClientException(ChatErrorCodes.BadArgument, "The invite lifetime must be positive.");
        var target = InvocationTargets.Community(communityId);
        var capability = CapabilityIssuer.Delegate(CapabilityIssuer.CreateRoot(target, Did),
            new DelegationRequest(inviteeDid, target, InviteActions, DateTimeOffset.UtcNow + span), _key);
        await CallAsync<string>("RegisterCapability", [communityId, capability.ToJsonString()], ct);
        return new InviteLink(_options.Server, communityId, capability).Format();
    }

    /// <summary>
    /// Joins with an invite link, watches the community's channels, and waits for members to add this DID to the
    /// channel groups (they do so on the <c>membership</c> event, or when they next compare roster and groups).
    /// </summary>
    public async Task<CommunityInfo> JoinAsync(string invite, CancellationToken ct = default)
    {
        var link = InviteLink.Parse(invite);
        // Members can only add this DID with a KeyPackage it published.
        await EnsureKeyPackagesAsync(ct);
        var target = InvocationTargets.Community(link.CommunityId);
        // An open community's join names the root, signed by the joiner (the server checks it like the joiner's own root).
        var capability = link.Capability ?? CapabilityIssuer.CreateRoot(target, Did);
        var invocation = CapabilityIssuer.Invoke(new JsonObject(), capability, new InvocationRequest(Actions.Join, target), _key);
        var member = await CallAsync<MemberInfo>("Join", [link.CommunityId, invocation.ToJsonString(), null], ct);
        var capabilityId = member.CapabilityId ?? (link.Capability?["id"]?.GetValue<string>()) ?? InvocationTarget.RootCapabilityId(target);
        await RememberCommunityAsync(new StoredCommunity(link.CommunityId, capabilityId, null, null), ct);
        var info = await LoadCommunityAsync(link.CommunityId, ct);
        await WatchCommunityAsync(info, ct);
        return info;
    }

    /// <summary>Creates a text channel (needs <c>ManageChannels</c>: the owner), its MLS group, and adds the community's members to it.</summary>
    public async Task<ChannelSummary> CreateChannelAsync(string communityId, string name, string? categoryId = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var community = Community(communityId);
        var channelId = NewId();
        await _groups.CreateAsync(channelId, ct);
        var summary = await CallAsync<ChannelSummary>("CreateChannel",
            [communityId, channelId, name, 0, categoryId, 0, Invoke(community, Actions.ManageChannels, new JsonObject { ["channel"] = channelId })], ct);
        var info = await LoadCommunityAsync(communityId, ct);
        await WatchCommunityAsync(info, ct);
        await ReconcileCommunityAsync(communityId, ct);
        return summary;
    }

    /// <summary>Leaves a community: the server drops the membership, this client forgets its groups; remaining members remove the leaf.</summary>
    public async Task LeaveAsync(string communityId, CancellationToken ct = default)
    {
        var target = InvocationTargets.Community(communityId);
        var invocation = CapabilityIssuer.Invoke(new JsonObject(), CapabilityIssuer.CreateRoot(target, Did), new InvocationRequest(Actions.Leave, target), _key);
        await CallAsync("Leave", [communityId, invocation.ToJsonString()], ct);
        await ForgetCommunityAsync(communityId, ct);
    }

    /// <summary>Kicks a member (needs <c>Kick</c>) and removes its leaf from every channel group of the community at once.</summary>
    public async Task KickAsync(string communityId, string memberDid, CancellationToken ct = default)
    {
        var community = Community(communityId);
        await CallAsync("Kick", [communityId, memberDid, Invoke(community, Actions.Kick, new JsonObject { ["member"] = memberDid })], ct);
        await RemoveFromGroupsAsync(communityId, memberDid, ct);
    }

    /// <summary>Bans a member (needs <c>Ban</c>) and removes its leaf from every channel group of the community at once.</summary>
    public async Task BanAsync(string communityId, string memberDid, CancellationToken ct = default)
    {
        var community = Community(communityId);
        await CallAsync("Ban", [communityId, memberDid, Invoke(community, Actions.Ban, new JsonObject { ["member"] = memberDid })], ct);
        await RemoveFromGroupsAsync(communityId, memberDid, ct);
    }

    /// <summary>Lifts a ban (needs <c>Ban</c>); the member can then be invited again.</summary>
    public async Task UnbanAsync(string communityId, string memberDid, CancellationToken ct = default)
    {
        var community = Community(communityId);
        await CallAsync("Unban", [communityId, memberDid, Invoke(community, Actions.Ban, new JsonObject { ["member"] = memberDid })], ct);
    }

    /// <summary>The capability id this DID acts with in a community (the root for the owner, the invite or DM delegation otherwise), for direct hub calls.</summary>
    public string CapabilityFor(string communityId) => Community(communityId).CapabilityId;

    /// <summary>The roster of a community (members only).</summary>
    public Task<IReadOnlyList<MemberInfo>> GetMembersAsync(string communityId, CancellationToken ct = default) =>
        CallAsync<IReadOnlyList<MemberInfo>>("GetMembers", [communityId], ct);

    private async Task<CommunityInfo> CreateOwnedCommunityAsync(string communityId, string name, bool open, string? peer, CancellationToken ct)
    {
        var target = InvocationTargets.Community(communityId);
        var root = CapabilityIssuer.CreateRoot(target, Did);
        var invocation = CapabilityIssuer.Invoke(new JsonObject { ["name"] = name }, root, new InvocationRequest(Actions.Create, target), _key);
        var info = await CallAsync<CommunityInfo>("CreateCommunity", [communityId, name, open, invocation.ToJsonString()], ct);
        await RememberCommunityAsync(new StoredCommunity(communityId, info.RootCapabilityId, peer, JsonSerializer.Serialize(info, Json)), ct);
        Remember(info);
        return info;
    }

    /// <summary>A signed invocation of this DID's capability in <paramref name="community"/> (the root for the owner).</summary>
    private string Invoke(StoredCommunity community, string action, JsonObject document)
    {
        var target = InvocationTargets.Community(community.Id);
        if (community.CapabilityId != InvocationTarget.RootCapabilityId(target))
            throw new HarmonyClientException("client.chat.not_owner", $"'{action}' in '{community.Id}' needs the owner's capability.");
        return CapabilityIssuer.Invoke(document, CapabilityIssuer.CreateRoot(target, Did), new InvocationRequest(action, target), _key).ToJsonString();
    }

    private StoredCommunity Community(string communityId) =>
        _communities.TryGetValue(communityId, out var c) ? c : throw new HarmonyClientException(ChatErrorCodes.UnknownCommunity, $"'{communityId}' is not a community of this client.");

    private async Task<CommunityInfo> CommunityAsync(string communityId, CancellationToken ct)
    {
        Community(communityId);
        return _infos.TryGetValue(communityId, out var info) ? info : await LoadCommunityAsync(communityId, ct);
    }

    private async Task RememberCommunityAsync(StoredCommunity community, CancellationToken ct)
    {
        _communities[community.Id] = community;
        await _store.PutCommunityAsync(community, ct);
    }

    private void Remember(CommunityInfo info)
    {
        _infos[info.Id] = info;
        foreach (var channel in info.Channels) _channelCommunity[channel.Id] = info.Id;
    }

    private async Task<CommunityInfo> LoadCommunityAsync(string communityId, CancellationToken ct)
    {
        var info = await CallAsync<CommunityInfo>("GetCommunity", [communityId], ct);
        Remember(info);
        if (_communities.TryGetValue(communityId, out var c))
            await RememberCommunityAsync(c with { InfoJson = JsonSerializer.Serialize(info, Json) }, ct);
        return info;
    }

    private async Task WatchCommunityAsync(CommunityInfo info, CancellationToken ct)
    {
        var capability = Community(info.Id).CapabilityId;
        foreach (var channel in info.Channels) await WatchAsync(channel.Id, capability, ct);
    }

    /// <summary>
    /// Reloads memberships from the server (communities joined elsewhere included), watches their channels, forgets
    /// communities this DID no longer belongs to (left elsewhere, kicked, banned), and returns the membership ids.
    /// </summary>
    private async Task<HashSet<string>> RefreshCommunitiesAsync(CancellationToken ct)
    {
        var ids = (await CallAsync<IReadOnlyList<string>>("GetMemberships", [], ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _communities.Values.Where(c => c.Peer is null && !ids.Contains(c.Id)).Select(c => c.Id).ToList())
            await ForgetCommunityAsync(gone, ct);
        foreach (var id in ids)
        {
            if (!_communities.ContainsKey(id))
            {
                var info = await CallAsync<CommunityInfo>("GetCommunity", [id], ct);
                var capability = info.Owner == Did ? info.RootCapabilityId
                    : (await GetMembersAsync(id, ct)).FirstOrDefault(m => m.Did == Did)?.CapabilityId ?? info.RootCapabilityId;
                await RememberCommunityAsync(new StoredCommunity(id, capability, null, null), ct);
            }
            await WatchCommunityAsync(await LoadCommunityAsync(id, ct), ct);
        }
        return ids;
    }

    private async Task ForgetCommunityAsync(string communityId, CancellationToken ct)
    {
        if (_infos.TryRemove(communityId, out var info))
        {
            foreach (var channel in info.Channels)
            {
                _channelCommunity.TryRemove(channel.Id, out _);
                _watching.TryRemove(channel.Id, out _);
                using var lease = await _groups.AcquireAsync(channel.Id, ct);
                lease.Set(null);
                await lease.SaveAsync(ct);
                try { await CallAsync("Unwatch", [channel.Id], ct); }
                catch (HarmonyServerException) { }
            }
        }
        _communities.TryRemove(communityId, out _);
        await _store.DeleteCommunityAsync(communityId, ct);
    }

    /// <summary>The community and capability for a channel (threads belong to their parent's community); refreshes once when unknown.</summary>
    private async Task<StoredCommunity> CommunityOfChannelAsync(string channelId, CancellationToken ct)
    {
        var groupChannel = ChannelGroups.GroupChannel(channelId);
        if (!_channelCommunity.ContainsKey(groupChannel))
        {
            foreach (var id in _communities.Keys.ToList())
            {
                if (_communities[id].Peer is null) await LoadCommunityAsync(id, ct);
            }
        }
        if (_channelCommunity.TryGetValue(groupChannel, out var communityId) && _communities.TryGetValue(communityId, out var community)) return community;
        throw new HarmonyClientException(ChatErrorCodes.UnknownChannel, $"'{channelId}' is not a channel of this client's communities.");
    }

    private static string NewId() => Base64Url.Encode(RandomNumberGenerator.GetBytes(9));
}
