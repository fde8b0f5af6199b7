using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>Replaces the sender's leaf with <paramref name="LeafNode"/>.</summary>
/// <param name="LeafNode">The new leaf (source update).</param>
public sealed record UpdateProposal(LeafNode LeafNode) : Proposal
{
    /// <inheritdoc />
    public override ProposalType Type => ProposalType.Update;

    /// <inheritdoc />
    protected override void EncodeBody(TlsWriter writer) => LeafNode.Encode(writer);
}
