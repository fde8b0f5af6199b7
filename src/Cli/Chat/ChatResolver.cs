using Harmony.Client.Chat;
using Harmony.Core.Errors;

namespace Harmony.Cli.Chat;

/// <summary>
/// Turns what people type into ids, through the SDK's view of the user's communities: a community by id or name;
/// a channel as <c>community/#name</c> (community by id or name, channel by name or id), as <c>#name</c> when only
/// one community has it, or by id (also DM and thread channel ids). Unknown or ambiguous names are typed errors
/// (<c>cli.community.unknown</c>, <c>cli.channel.unknown</c>, <c>cli.*.ambiguous</c>) raised before anything is sent.
/// </summary>
internal sealed class ChatResolver(HarmonyChatClient client)
{
    private const string ThreadInfix = "/thread/";
    private IReadOnlyList<CommunityInfo>? _communities;
    private IReadOnlyList<DirectMessageInfo>? _directMessages;

    /// <summary>The user's communities (fetched once).</summary>
    public async Task<IReadOnlyList<CommunityInfo>> CommunitiesAsync(CancellationToken cancellationToken) =>
        _communities ??= await client.ListCommunitiesAsync(cancellationToken);

    /// <summary>The user's DM conversations (fetched once).</summary>
    public async Task<IReadOnlyList<DirectMessageInfo>> DirectMessagesAsync(CancellationToken cancellationToken) =>
        _directMessages ??= await client.ListDirectMessagesAsync(cancellationToken);

    /// <summary>The community named <paramref name="reference"/> (id first, then name).</summary>
    public async Task<CommunityInfo> CommunityAsync(string reference, CancellationToken cancellationToken)
    {
        var communities = await CommunitiesAsync(cancellationToken);
        var byId = communities.FirstOrDefault(c => c.Id == reference);
        if (byId is not null) return byId;
        var byName = communities.Where(c => string.Equals(c.Name, reference, StringComparison.OrdinalIgnoreCase)).ToList();
        return byName.Count switch
        {
            1 => byName[0],
            0 => throw new HarmonyException("cli.community.unknown", $"You are not a member of a community '{reference}' (see 'harmony community list')."),
            _ => throw new HarmonyException("cli.community.ambiguous", $"Several of your communities are named '{reference}': use its id ({string.Join(", ", byName.Select(c => c.Id))})."),
        };
    }

    /// <summary>The channel named <paramref name="reference"/>.</summary>
    public async Task<ChannelTarget> ChannelAsync(string reference, CancellationToken cancellationToken)
    {
        var hash = reference.IndexOf("/#", StringComparison.Ordinal);
        if (hash > 0)
        {
            var community = await CommunityAsync(reference[..hash], cancellationToken);
            return InCommunity(community, reference[(hash + 2)..]) ?? throw Unknown(reference);
        }
        if (reference.StartsWith('#'))
        {
            var matches = new List<ChannelTarget>();
            foreach (var community in await CommunitiesAsync(cancellationToken))
            {
                if (InCommunity(community, reference[1..]) is { } match) matches.Add(match);
            }
            return matches.Count switch
            {
                1 => matches[0],
                0 => throw Unknown(reference),
                _ => throw new HarmonyException("cli.channel.ambiguous", $"Several communities have {reference}: write it as community/{reference} ({string.Join(", ", matches.Select(m => m.Label))})."),
            };
        }
        return await ByIdAsync(reference, cancellationToken) ?? throw Unknown(reference);
    }

    /// <summary>How to show the channel <paramref name="channelId"/> (its id when unknown).</summary>
    public async Task<string> LabelAsync(string channelId, CancellationToken cancellationToken) =>
        (await ByIdAsync(channelId, cancellationToken))?.Label ?? channelId;

    private async Task<ChannelTarget?> ByIdAsync(string id, CancellationToken cancellationToken)
    {
        var thread = id.IndexOf(ThreadInfix, StringComparison.Ordinal);
        if (thread > 0)
        {
            // Thread channels are not listed: accept them when their parent is one of ours.
            var parent = await ByIdAsync(id[..thread], cancellationToken);
            return parent is null || id.Length == thread + ThreadInfix.Length ? null : new ChannelTarget(id, parent.CommunityId, $"{parent.Label} thread {id[(thread + ThreadInfix.Length)..]}");
        }
        foreach (var community in await CommunitiesAsync(cancellationToken))
        {
            var channel = community.Channels.FirstOrDefault(c => c.Id == id);
            if (channel is not null) return new ChannelTarget(channel.Id, community.Id, Label(community, channel));
        }
        var dm = (await DirectMessagesAsync(cancellationToken)).FirstOrDefault(d => d.ChannelId == id);
        return dm is null ? null : new ChannelTarget(dm.ChannelId, dm.CommunityId, "dm " + MessageText.ShortDid(dm.Peer));
    }

    private static ChannelTarget? InCommunity(CommunityInfo community, string nameOrId)
    {
        var name = nameOrId.TrimStart('#');
        var channel = community.Channels.FirstOrDefault(c => c.Id == nameOrId)
            ?? community.Channels.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        return channel is null ? null : new ChannelTarget(channel.Id, community.Id, Label(community, channel));
    }

    private static string Label(CommunityInfo community, ChannelSummary channel) => $"{community.Name}/#{channel.Name}";

    private static HarmonyException Unknown(string reference) =>
        new("cli.channel.unknown", $"No channel '{reference}' in your communities (write community/#name or a channel id; see 'harmony channel list <community>').");
}
