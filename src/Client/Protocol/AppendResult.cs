namespace Harmony.Client.Protocol;

/// <summary>Result of the hub's <c>Send</c>.</summary>
/// <param name="Seq">The envelope's sequence number.</param>
/// <param name="Duplicate">True when the server already had it.</param>
public sealed record AppendResult(long Seq, bool Duplicate);
