namespace Harmony.Gateway.Hubs;

/// <summary>Payload of the <c>envelope</c> event.</summary>
/// <param name="ChannelId">The channel.</param>
/// <param name="Seq">The envelope's sequence number in the channel log.</param>
/// <param name="Envelope">The encoded, signed envelope (base64 in JSON, binary in MessagePack).</param>
public sealed record EnvelopeEvent(string ChannelId, long Seq, byte[] Envelope);
