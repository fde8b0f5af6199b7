using Harmony.Core.Protocol;
using Harmony.Grains.Abstractions.Channel;

namespace Harmony.Grains.Channel;

/// <summary>An authorized append waiting for the next group commit; its caller awaits <see cref="Completion"/>.</summary>
internal sealed class PendingAppend(Envelope envelope, byte[] bytes)
{
    public Envelope Envelope { get; } = envelope;

    public byte[] Bytes { get; } = bytes;

    /// <summary>For handshake envelopes, the MLS header the epoch rule was applied to.</summary>
    public HandshakeHeader? Handshake { get; init; }

    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
