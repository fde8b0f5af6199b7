namespace Harmony.Bench.Load.Baseline;

/// <summary>Payload of the <c>envelope</c> event, shaped like Harmony's.</summary>
public sealed record EnvelopeEvent(string ChannelId, long Seq, byte[] Envelope);
