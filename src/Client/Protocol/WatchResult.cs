namespace Harmony.Client.Protocol;

/// <summary>Result of the hub's <c>Watch</c>.</summary>
/// <param name="ChannelId">The channel.</param>
/// <param name="LastSeq">Its highest sequence number.</param>
public sealed record WatchResult(string ChannelId, long LastSeq);
