namespace Harmony.Client.Protocol;

/// <summary>An envelope of a channel log, delivered in sequence order (payload of the <c>envelope</c> event and of sync pages).</summary>
/// <param name="ChannelId">The channel.</param>
/// <param name="Seq">The sequence number.</param>
/// <param name="Envelope">The encoded, signed envelope.</param>
public sealed record ChannelEnvelope(string ChannelId, long Seq, byte[] Envelope);
