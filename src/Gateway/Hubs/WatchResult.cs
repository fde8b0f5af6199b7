namespace Harmony.Gateway.Hubs;

/// <summary>Result of <c>Watch</c>: the channel's highest sequence number when watching started (sync up to it).</summary>
/// <param name="ChannelId">The channel.</param>
/// <param name="LastSeq">The highest sequence number in the log.</param>
public sealed record WatchResult(string ChannelId, long LastSeq);
