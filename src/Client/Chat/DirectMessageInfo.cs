namespace Harmony.Client.Chat;

/// <summary>A direct-message conversation with one peer.</summary>
/// <param name="Peer">The other participant's DID.</param>
/// <param name="ChannelId">The conversation's channel (use it with the message methods).</param>
/// <param name="CommunityId">The closed <c>dm-…</c> community holding the channel.</param>
/// <param name="CapabilityId">The capability this DID uses for the channel.</param>
public sealed record DirectMessageInfo(string Peer, string ChannelId, string CommunityId, string CapabilityId);
