namespace Harmony.Core.Protocol;

/// <summary>What an envelope does to its channel. Stable numeric values: they are signed and stored.</summary>
public enum EnvelopeKind : byte
{
    /// <summary>A new message (MLS application message).</summary>
    Message = 1,

    /// <summary>A new version of <see cref="Envelope.Target"/>; last writer wins by (lamport, author).</summary>
    Edit = 2,

    /// <summary>A tombstone for <see cref="Envelope.Target"/>.</summary>
    Delete = 3,

    /// <summary>Adds the (encrypted) reaction to <see cref="Envelope.Target"/>.</summary>
    ReactionAdd = 4,

    /// <summary>Removes the author's reaction from <see cref="Envelope.Target"/>.</summary>
    ReactionRemove = 5,

    /// <summary>Pins <see cref="Envelope.Target"/>.</summary>
    Pin = 6,

    /// <summary>Unpins <see cref="Envelope.Target"/>.</summary>
    Unpin = 7,

    /// <summary>An MLS handshake message (Commit or Proposal) for the channel's group; the server orders one Commit per epoch.</summary>
    Handshake = 8,
}
