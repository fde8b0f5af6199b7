using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>A proposal carried inline in a commit, or a reference to one sent earlier (RFC 9420 §12.4).</summary>
/// <param name="Proposal">The inline proposal, or null.</param>
/// <param name="Reference">The ProposalRef, or null.</param>
public sealed record ProposalOrRef(Proposal? Proposal, byte[]? Reference) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        if (Proposal is not null)
        {
            writer.WriteUInt8(1);
            Proposal.Encode(writer);
        }
        else
        {
            writer.WriteUInt8(2);
            writer.WriteOpaque(Reference ?? throw new MlsException("mls.commit.proposal", "ProposalOrRef needs a proposal or a reference."));
        }
    }

    /// <summary>Decodes a <c>ProposalOrRef</c>.</summary>
    public static ProposalOrRef Decode(ref TlsReader reader) => reader.ReadUInt8() switch
    {
        1 => new ProposalOrRef(Proposal.Decode(ref reader), null),
        2 => new ProposalOrRef(null, reader.ReadOpaque()),
        var t => throw new MlsException("mls.codec.invalid_value", $"Unknown ProposalOrRef type {t}."),
    };
}
