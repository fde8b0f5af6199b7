namespace Harmony.Grains.Storage;

/// <summary>
/// One row of a channel's append-only log: a signed envelope as received, with the server-assigned sequence number.
/// </summary>
/// <param name="Seq">The channel sequence number assigned by the channel grain (arrival order, starts at 1).</param>
/// <param name="Id">The envelope id (hash of its canonical bytes); unique within the channel.</param>
/// <param name="Lamport">The author's Lamport clock value (display order).</param>
/// <param name="Author">The author's DID.</param>
/// <param name="Kind">The envelope kind (message, edit, delete, reaction, ...).</param>
/// <param name="Envelope">The envelope bytes exactly as received (ciphertext inside; never decoded by the store).</param>
/// <param name="ReceivedAt">When the server accepted the envelope; stored with millisecond precision.</param>
public sealed record LogEntry(
    long Seq,
    string Id,
    long Lamport,
    string Author,
    int Kind,
    byte[] Envelope,
    DateTimeOffset ReceivedAt);
