using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>A signed, unencrypted handshake message (RFC 9420 §6.2).</summary>
/// <param name="Content">The content.</param>
/// <param name="Auth">Signature and confirmation tag.</param>
/// <param name="MembershipTag">MAC over AuthenticatedContentTBM (member senders only).</param>
public sealed record PublicMessage(FramedContent Content, FramedContentAuthData Auth, byte[]? MembershipTag) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        Content.Encode(writer);
        Auth.Encode(writer, Content.ContentType);
        if (Content.Sender.Type == SenderType.Member)
            writer.WriteOpaque(MembershipTag ?? throw new MlsException("mls.message.membership_tag", "A member's PublicMessage needs a membership tag."));
    }

    /// <summary>Decodes a <c>PublicMessage</c>.</summary>
    public static PublicMessage Decode(ref TlsReader reader)
    {
        var content = FramedContent.Decode(ref reader);
        var auth = FramedContentAuthData.Decode(ref reader, content.ContentType);
        var tag = content.Sender.Type == SenderType.Member ? reader.ReadOpaque() : null;
        return new PublicMessage(content, auth, tag);
    }

    /// <summary>The AuthenticatedContent view (wire format public).</summary>
    public AuthenticatedContent ToAuthenticatedContent() => new(WireFormat.PublicMessage, Content, Auth);

    /// <summary>AuthenticatedContentTBM: FramedContentTBS followed by the auth data.</summary>
    public static byte[] ToBeMaced(FramedContent content, FramedContentAuthData auth, byte[] context)
    {
        var writer = new TlsWriter(256);
        writer.WriteFixed(AuthenticatedContent.ToBeSigned(WireFormat.PublicMessage, content, context));
        auth.Encode(writer, content.ContentType);
        return writer.ToArray();
    }
}
