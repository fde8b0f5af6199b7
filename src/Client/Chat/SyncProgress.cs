namespace Harmony.Client.Chat;

/// <summary>Progress of a history sync.</summary>
/// <param name="ChannelId">The channel being synced.</param>
/// <param name="Fetched">Log entries applied so far.</param>
/// <param name="Total">Log entries known on the server.</param>
public sealed record SyncProgress(string ChannelId, long Fetched, long Total);
