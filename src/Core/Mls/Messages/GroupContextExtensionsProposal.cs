using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>Replaces the group context extensions.</summary>
/// <param name="Extensions">The new extension list.</param>
public sealed record GroupContextExtensionsProposal(IReadOnlyList<Extension> Extensions) : Proposal
{
    /// <inheritdoc />
    public override ProposalType Type => ProposalType.GroupContextExtensions;

    /// <inheritdoc />
    protected override void EncodeBody(TlsWriter writer) => Extension.EncodeList(writer, Extensions);
}
