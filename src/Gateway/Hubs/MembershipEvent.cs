namespace Harmony.Gateway.Hubs;

/// <summary>Payload of the <c>membership</c> event.</summary>
/// <param name="ChannelId">The watched channel.</param>
/// <param name="Did">The member who joined or left its community.</param>
/// <param name="Joined">True for a join, false for a leave, kick or ban.</param>
public sealed record MembershipEvent(string ChannelId, string Did, bool Joined);
