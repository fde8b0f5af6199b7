namespace Harmony.Client.Chat;

/// <summary>An entry of the hub's direct-message index (<c>GetDirectMessages</c>).</summary>
/// <param name="Peer">The other participant's DID.</param>
/// <param name="ChannelId">The DM's channel.</param>
/// <param name="CommunityId">The closed community holding the channel.</param>
/// <param name="CapabilityId">The capability this DID uses for the channel.</param>
public sealed record DirectMessageLink(string Peer, string ChannelId, string? CommunityId, string? CapabilityId);
