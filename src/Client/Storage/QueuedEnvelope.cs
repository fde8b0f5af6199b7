namespace Harmony.Client.Storage;

/// <summary>An envelope waiting in the offline queue.</summary>
/// <param name="Id">The envelope id (server-side dedupe key).</param>
/// <param name="ChannelId">Its channel.</param>
/// <param name="Envelope">The encoded, signed envelope.</param>
/// <param name="CapabilityId">The capability the author sends it with.</param>
public sealed record QueuedEnvelope(string Id, string ChannelId, byte[] Envelope, string CapabilityId);
