using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>Requests re-initialisation of the group with new parameters.</summary>
/// <param name="GroupId">Group id of the new group.</param>
/// <param name="Version">Protocol version of the new group.</param>
/// <param name="CipherSuite">Cipher suite of the new group.</param>
/// <param name="Extensions">Group context extensions of the new group.</param>
public sealed record ReInitProposal(byte[] GroupId, ushort Version, ushort CipherSuite, IReadOnlyList<Extension> Extensions) : Proposal
{
    /// <inheritdoc />
    public override ProposalType Type => ProposalType.ReInit;

    /// <inheritdoc />
    protected override void EncodeBody(TlsWriter writer)
    {
        writer.WriteOpaque(GroupId);
        writer.WriteUInt16(Version);
        writer.WriteUInt16(CipherSuite);
        Extension.EncodeList(writer, Extensions);
    }
}
