namespace Harmony.Client.Chat;

/// <summary>A channel of a community (the hub's <c>ChannelSummary</c>).</summary>
/// <param name="Id">The channel id (also its MLS group id).</param>
/// <param name="Name">Its display name.</param>
/// <param name="Kind">0 text, 1 voice, 2 announcement.</param>
/// <param name="CategoryId">Its category, if any.</param>
public sealed record ChannelSummary(string Id, string Name, int Kind, string? CategoryId);
