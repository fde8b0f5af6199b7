namespace Harmony.Cli.Chat;

/// <summary>A resolved channel: its id, its community (a <c>dm-…</c> one for DMs) and how to show it to people.</summary>
internal sealed record ChannelTarget(string Id, string CommunityId, string Label);
