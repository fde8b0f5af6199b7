namespace Harmony.Grains.Channel;

/// <summary>What the delivery service learned from a handshake envelope without decrypting anything.</summary>
/// <param name="Header">The epoch header, or null for a Welcome (which takes no part in epoch ordering).</param>
/// <param name="AddedDids">
/// The DIDs of the members the message adds (Add proposals, inline Adds of a Commit, an external joiner), each already
/// checked to name a did:key whose Ed25519 key is the leaf's signature key; empty when it adds no one.
/// </param>
internal sealed record HandshakeInspection(HandshakeHeader? Header, IReadOnlyList<string> AddedDids);
