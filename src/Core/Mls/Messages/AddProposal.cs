using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>Adds the owner of <paramref name="KeyPackage"/> to the group.</summary>
/// <param name="KeyPackage">The new member's KeyPackage.</param>
public sealed record AddProposal(KeyPackage KeyPackage) : Proposal
{
    /// <inheritdoc />
    public override ProposalType Type => ProposalType.Add;

    /// <inheritdoc />
    protected override void EncodeBody(TlsWriter writer) => KeyPackage.Encode(writer);
}
