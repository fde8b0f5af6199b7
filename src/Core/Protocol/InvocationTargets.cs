namespace Harmony.Core.Protocol;

/// <summary>
/// The ZCAP invocation targets of Harmony resources. A channel's target is beneath its community's
/// (<c>urn:harmony:community:{id}/channel/{channelId}</c>), and a thread's channel id is
/// <c>{parentChannelId}/thread/{rootMessageId}</c>, so a capability for a community or channel also covers what is
/// beneath it (prefix + "/" attenuation, as the ZCAP verifier checks it).
/// </summary>
public static class InvocationTargets
{
    /// <summary>The prefix of every community target.</summary>
    public const string CommunityPrefix = "urn:harmony:community:";

    /// <summary>The target of community <paramref name="communityId"/>.</summary>
    public static string Community(string communityId) => CommunityPrefix + communityId;

    /// <summary>The target of channel <paramref name="channelId"/> in community <paramref name="communityId"/>.</summary>
    public static string Channel(string communityId, string channelId) => Community(communityId) + "/channel/" + channelId;

    /// <summary>The channel id of the thread rooted at <paramref name="rootMessageId"/> in <paramref name="parentChannelId"/>.</summary>
    public static string ThreadChannelId(string parentChannelId, string rootMessageId) => parentChannelId + "/thread/" + rootMessageId;
}
