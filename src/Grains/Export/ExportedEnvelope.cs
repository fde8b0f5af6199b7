namespace Harmony.Grains.Export;

/// <summary>An envelope rebuilt from an export: its channel, the sequence number it had, and its encoded bytes.</summary>
/// <param name="ChannelId">The channel id.</param>
/// <param name="Seq">The sequence number in the exporting server's log.</param>
/// <param name="Envelope">The encoded, signed envelope (signature verified).</param>
public sealed record ExportedEnvelope(string ChannelId, long Seq, byte[] Envelope);
