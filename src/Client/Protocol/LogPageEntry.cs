namespace Harmony.Client.Protocol;

/// <summary>One entry of a <see cref="LogPage"/>.</summary>
/// <param name="Seq">The sequence number.</param>
/// <param name="Envelope">The encoded envelope.</param>
/// <param name="ReceivedAt">When the server accepted it.</param>
public sealed record LogPageEntry(long Seq, byte[] Envelope, DateTimeOffset ReceivedAt);
