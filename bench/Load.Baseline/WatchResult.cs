namespace Harmony.Bench.Load.Baseline;

/// <summary>Result of <c>Watch</c>, shaped like Harmony's.</summary>
public sealed record WatchResult(string ChannelId, long LastSeq);
