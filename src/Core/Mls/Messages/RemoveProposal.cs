using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>Removes the member at leaf <paramref name="Removed"/>.</summary>
/// <param name="Removed">Leaf index of the member to remove.</param>
public sealed record RemoveProposal(uint Removed) : Proposal
{
    /// <inheritdoc />
    public override ProposalType Type => ProposalType.Remove;

    /// <inheritdoc />
    protected override void EncodeBody(TlsWriter writer) => writer.WriteUInt32(Removed);
}
