namespace Harmony.Grains.Channel;

/// <summary>The clear-text header of an MLS handshake message: its epoch and whether it is a Commit (else a Proposal).</summary>
/// <param name="Epoch">The epoch the message was created in.</param>
/// <param name="IsCommit">True for a Commit.</param>
internal readonly record struct HandshakeHeader(ulong Epoch, bool IsCommit);
