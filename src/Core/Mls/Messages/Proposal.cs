using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>A proposed change to the group (RFC 9420 §12.1). Concrete types derive from this record.</summary>
public abstract record Proposal : IMlsEncodable
{
    /// <summary>The proposal type.</summary>
    public abstract ProposalType Type { get; }

    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteUInt16((ushort)Type);
        EncodeBody(writer);
    }

    /// <summary>Writes the type-specific body.</summary>
    protected abstract void EncodeBody(TlsWriter writer);

    /// <summary>ProposalRef = RefHash("MLS 1.0 Proposal Reference", AuthenticatedContent) of the message carrying a proposal.</summary>
    public static byte[] Reference(Crypto.CipherSuite suite, ReadOnlySpan<byte> authenticatedContent) => suite.RefHash("MLS 1.0 Proposal Reference", authenticatedContent);

    /// <summary>Decodes a <c>Proposal</c>.</summary>
    public static Proposal Decode(ref TlsReader reader)
    {
        var type = (ProposalType)reader.ReadUInt16();
        return type switch
        {
            ProposalType.Add => new AddProposal(KeyPackage.Decode(ref reader)),
            ProposalType.Update => new UpdateProposal(LeafNode.Decode(ref reader)),
            ProposalType.Remove => new RemoveProposal(reader.ReadUInt32()),
            ProposalType.PreSharedKey => new PreSharedKeyProposal(PreSharedKeyId.Decode(ref reader)),
            ProposalType.ReInit => new ReInitProposal(reader.ReadOpaque(), reader.ReadUInt16(), reader.ReadUInt16(), Extension.DecodeList(ref reader)),
            ProposalType.ExternalInit => new ExternalInitProposal(reader.ReadOpaque()),
            ProposalType.GroupContextExtensions => new GroupContextExtensionsProposal(Extension.DecodeList(ref reader)),
            _ => throw new MlsException("mls.proposal.unsupported", $"Proposal type {(ushort)type} is not supported."),
        };
    }
}
