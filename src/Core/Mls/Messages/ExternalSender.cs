using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>A party outside the group allowed to send proposals, listed in the external_senders extension (RFC 9420 §12.1.8.1).</summary>
/// <param name="SignatureKey">The sender's signature public key.</param>
/// <param name="Credential">The sender's credential.</param>
public sealed record ExternalSender(byte[] SignatureKey, Credential Credential) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteOpaque(SignatureKey);
        Credential.Encode(writer);
    }

    /// <summary>Decodes an <c>ExternalSender</c>.</summary>
    public static ExternalSender Decode(ref TlsReader reader) => new(reader.ReadOpaque(), Credential.Decode(ref reader));

    /// <summary>Builds the external_senders group context extension.</summary>
    public static Extension ToExtension(IReadOnlyList<ExternalSender> senders)
    {
        var writer = new TlsWriter(128);
        writer.WriteVector(senders, (w, s) => s.Encode(w));
        return new Extension(ExtensionType.ExternalSenders, writer.ToArray());
    }

    /// <summary>Reads the external senders of a group context (empty when the extension is absent).</summary>
    public static List<ExternalSender> FromContext(GroupContext context)
    {
        var extension = context.Extensions.FirstOrDefault(e => e.Type == ExtensionType.ExternalSenders);
        return extension is null ? [] : MlsEncoding.Decode(extension.Data, (ref TlsReader r) => r.ReadVector(Decode));
    }

    /// <summary>
    /// Creates a signed proposal from external sender <paramref name="senderIndex"/> for <paramref name="epoch"/>
    /// (a PublicMessage without membership tag). Only Add, Remove, PreSharedKey, ReInit and GroupContextExtensions
    /// proposals may come from external senders.
    /// </summary>
    public static MlsMessage CreateProposal(Crypto.CipherSuite suite, byte[] groupId, ulong epoch, uint senderIndex, Proposal proposal, ReadOnlySpan<byte> signaturePrivateKey, byte[]? authenticatedData = null)
    {
        if (!IsAllowed(proposal.Type))
            throw new MlsException("mls.message.external_proposal", $"External senders cannot send {proposal.Type} proposals.");
        var content = new FramedContent
        {
            GroupId = groupId,
            Epoch = epoch,
            Sender = new Sender(SenderType.External, senderIndex),
            AuthenticatedData = authenticatedData ?? [],
            ContentType = ContentType.Proposal,
            Proposal = proposal,
        };
        var signature = AuthenticatedContent.Sign(suite, signaturePrivateKey, WireFormat.PublicMessage, content, null);
        return new MlsMessage { WireFormat = WireFormat.PublicMessage, PublicMessage = new PublicMessage(content, new FramedContentAuthData(signature, null), null) };
    }

    /// <summary>Whether an external sender may send proposals of <paramref name="type"/>.</summary>
    public static bool IsAllowed(ProposalType type)
        => type is ProposalType.Add or ProposalType.Remove or ProposalType.PreSharedKey or ProposalType.ReInit or ProposalType.GroupContextExtensions;

    /// <summary>
    /// Creates a new_member_proposal: the owner of <paramref name="keyPackage"/> asks to be added to the group at
    /// <paramref name="epoch"/>, signing with the KeyPackage's signature key.
    /// </summary>
    public static MlsMessage CreateSelfAddProposal(Crypto.CipherSuite suite, byte[] groupId, ulong epoch, KeyPackage keyPackage, ReadOnlySpan<byte> signaturePrivateKey)
    {
        var content = new FramedContent
        {
            GroupId = groupId,
            Epoch = epoch,
            Sender = new Sender(SenderType.NewMemberProposal, 0),
            ContentType = ContentType.Proposal,
            Proposal = new AddProposal(keyPackage),
        };
        var signature = AuthenticatedContent.Sign(suite, signaturePrivateKey, WireFormat.PublicMessage, content, null);
        return new MlsMessage { WireFormat = WireFormat.PublicMessage, PublicMessage = new PublicMessage(content, new FramedContentAuthData(signature, null), null) };
    }
}
