namespace Harmony.Core.Protocol;

/// <summary>
/// The signed unit of a channel log. Everything but <see cref="Ciphertext"/> is metadata the relay needs for ordering
/// and authorization; the content (text, reaction emoji, edit body) is only inside the MLS ciphertext.
/// <see cref="Id"/> is derived from the signed bytes, so a retried envelope has the same id and is dropped as a duplicate.
/// </summary>
public sealed record Envelope
{
    /// <summary>Format version, currently 1.</summary>
    public byte Version { get; init; } = 1;

    /// <summary>The channel (or DM) id.</summary>
    public required string Channel { get; init; }

    /// <summary>The author's DID (did:key, Ed25519).</summary>
    public required string Author { get; init; }

    /// <summary>The author's Lamport timestamp (display order).</summary>
    public required ulong Lamport { get; init; }

    /// <summary>What the envelope does.</summary>
    public required EnvelopeKind Kind { get; init; }

    /// <summary>Client wall-clock time of creation, Unix milliseconds (informational; not trusted for ordering).</summary>
    public long CreatedAtMs { get; init; }

    /// <summary>Thread (child channel) root message id, if the message is in a thread.</summary>
    public string? Thread { get; init; }

    /// <summary>The message replied to, if any.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The envelope an Edit, Delete, Reaction or Pin applies to.</summary>
    public string? Target { get; init; }

    /// <summary>The opaque MLS message (TLS-encoded MLSMessage).</summary>
    public required byte[] Ciphertext { get; init; }

    /// <summary>Ed25519 signature by <see cref="Author"/> over <see cref="EnvelopeCodec.SigningBytes"/>.</summary>
    public byte[] Signature { get; init; } = [];

    /// <summary>base64url(SHA-256(signing bytes)), set by <see cref="EnvelopeCodec"/>.</summary>
    public string Id { get; init; } = "";
}
