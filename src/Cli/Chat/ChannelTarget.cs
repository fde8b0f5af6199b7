namespace Harmony.Cli.Chat;

/// <summary>A resolved channel: its id and how to show it to people (<c>community/#name</c>, a DM, or the id).</summary>
internal sealed record ChannelTarget(string Id, string Label);
