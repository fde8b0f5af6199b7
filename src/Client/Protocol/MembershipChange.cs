namespace Harmony.Client.Protocol;

/// <summary>Payload of the <c>membership</c> event: a member joined or left (or was kicked or banned from) the channel's community.</summary>
/// <param name="ChannelId">A watched channel of the community.</param>
/// <param name="Did">The member.</param>
/// <param name="Joined">True for a join, false for a departure.</param>
public sealed record MembershipChange(string ChannelId, string Did, bool Joined);
