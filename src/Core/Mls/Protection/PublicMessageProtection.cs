using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.Protection;

/// <summary>Signs and MACs content into a PublicMessage and checks received ones (RFC 9420 §6.2).</summary>
public static class PublicMessageProtection
{
    /// <summary>
    /// Builds a PublicMessage: signs <paramref name="content"/> (FramedContentTBS with <paramref name="groupContext"/>)
    /// and, for member senders, adds the membership tag.
    /// </summary>
    public static PublicMessage Protect(CipherSuite suite, FramedContent content, ReadOnlySpan<byte> signaturePrivateKey, byte[] groupContext, byte[]? membershipKey, Func<byte[], byte[]>? confirmationTag = null)
    {
        var signature = AuthenticatedContent.Sign(suite, signaturePrivateKey, WireFormat.PublicMessage, content, groupContext);
        byte[]? tag = null;
        if (content.ContentType == ContentType.Commit)
        {
            if (confirmationTag is null) throw new MlsException("mls.message.confirmation_tag", "A commit needs a confirmation tag.");
            tag = confirmationTag(signature);
        }
        var auth = new FramedContentAuthData(signature, tag);
        return WithMembershipTag(suite, content, auth, groupContext, membershipKey);
    }

    /// <summary>Adds the membership tag (member senders) to already-authenticated content.</summary>
    public static PublicMessage WithMembershipTag(CipherSuite suite, FramedContent content, FramedContentAuthData auth, byte[] groupContext, byte[]? membershipKey)
    {
        byte[]? membershipTag = null;
        if (content.Sender.Type == SenderType.Member)
        {
            if (membershipKey is null) throw new MlsException("mls.message.membership_tag", "The membership key is needed for a member's PublicMessage.");
            membershipTag = suite.Mac(membershipKey, PublicMessage.ToBeMaced(content, auth, groupContext));
        }
        return new PublicMessage(content, auth, membershipTag);
    }

    /// <summary>
    /// Checks a received PublicMessage: group and epoch match, the membership tag (member senders) and the signature
    /// with <paramref name="signaturePublicKey"/>. Returns the authenticated content.
    /// </summary>
    public static AuthenticatedContent Unprotect(CipherSuite suite, PublicMessage message, GroupContext context, byte[] groupContextBytes, byte[]? membershipKey, ReadOnlySpan<byte> signaturePublicKey)
    {
        if (!message.Content.GroupId.AsSpan().SequenceEqual(context.GroupId))
            throw new MlsException("mls.message.group", "The message belongs to another group.");
        if (message.Content.Epoch != context.Epoch)
            throw new MlsException("mls.message.epoch", $"The message is for epoch {message.Content.Epoch}, the group is at {context.Epoch}.");
        if (message.Content.Sender.Type == SenderType.Member)
        {
            if (membershipKey is null || message.MembershipTag is null
                || !suite.VerifyMac(membershipKey, PublicMessage.ToBeMaced(message.Content, message.Auth, groupContextBytes), message.MembershipTag))
                throw new MlsException("mls.message.membership_tag", "The membership tag does not verify.");
        }
        var authenticated = message.ToAuthenticatedContent();
        if (!authenticated.VerifySignature(suite, signaturePublicKey, groupContextBytes))
            throw new MlsException("mls.message.signature", "The message signature does not verify.");
        return authenticated;
    }
}
