using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>Carries the KEM output from which an external joiner's init secret is derived.</summary>
/// <param name="KemOutput">HPKE encapsulation to the group's external public key.</param>
public sealed record ExternalInitProposal(byte[] KemOutput) : Proposal
{
    /// <inheritdoc />
    public override ProposalType Type => ProposalType.ExternalInit;

    /// <inheritdoc />
    protected override void EncodeBody(TlsWriter writer) => writer.WriteOpaque(KemOutput);
}
