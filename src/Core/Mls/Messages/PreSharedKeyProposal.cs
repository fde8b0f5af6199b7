using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>Injects the PSK <paramref name="Psk"/> into the next epoch's key schedule.</summary>
/// <param name="Psk">The PSK identifier.</param>
public sealed record PreSharedKeyProposal(PreSharedKeyId Psk) : Proposal
{
    /// <inheritdoc />
    public override ProposalType Type => ProposalType.PreSharedKey;

    /// <inheritdoc />
    protected override void EncodeBody(TlsWriter writer) => Psk.Encode(writer);
}
