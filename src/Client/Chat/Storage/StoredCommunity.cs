namespace Harmony.Client.Chat.Storage;

/// <summary>A community this client belongs to, with the capability it acts with.</summary>
/// <param name="Id">The community id.</param>
/// <param name="CapabilityId">The root capability id for the owner, the joined-with (or DM-delegated) one otherwise.</param>
/// <param name="Peer">For a direct message, the other participant.</param>
/// <param name="InfoJson">The last known <see cref="CommunityInfo"/> as JSON.</param>
internal sealed record StoredCommunity(string Id, string CapabilityId, string? Peer, string? InfoJson);
