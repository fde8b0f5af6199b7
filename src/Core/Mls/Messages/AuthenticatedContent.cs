using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;

namespace Harmony.Core.Mls.Messages;

/// <summary>Framed content with its wire format and authentication data (RFC 9420 §6.1).</summary>
/// <param name="WireFormat">Public or private message.</param>
/// <param name="Content">The content.</param>
/// <param name="Auth">Signature and confirmation tag.</param>
public sealed record AuthenticatedContent(WireFormat WireFormat, FramedContent Content, FramedContentAuthData Auth) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteUInt16((ushort)WireFormat);
        Content.Encode(writer);
        Auth.Encode(writer, Content.ContentType);
    }

    /// <summary>Decodes an <c>AuthenticatedContent</c>.</summary>
    public static AuthenticatedContent Decode(ref TlsReader reader)
    {
        var wireFormat = (WireFormat)reader.ReadUInt16();
        var content = FramedContent.Decode(ref reader);
        return new AuthenticatedContent(wireFormat, content, FramedContentAuthData.Decode(ref reader, content.ContentType));
    }

    /// <summary>The FramedContentTBS bytes; <paramref name="context"/> is required for member and new-member-commit senders.</summary>
    public static byte[] ToBeSigned(WireFormat wireFormat, FramedContent content, byte[]? context)
    {
        var writer = new TlsWriter(256);
        writer.WriteUInt16(GroupContext.ProtocolVersion);
        writer.WriteUInt16((ushort)wireFormat);
        content.Encode(writer);
        if (content.Sender.Type is SenderType.Member or SenderType.NewMemberCommit)
            writer.WriteFixed(context ?? throw new MlsException("mls.message.context", "The group context is needed to sign this content."));
        return writer.ToArray();
    }

    /// <summary>Signs <paramref name="content"/>, producing auth data without a confirmation tag.</summary>
    public static byte[] Sign(CipherSuite suite, ReadOnlySpan<byte> signaturePrivateKey, WireFormat wireFormat, FramedContent content, byte[]? context)
        => suite.SignWithLabel(signaturePrivateKey, "FramedContentTBS", ToBeSigned(wireFormat, content, context));

    /// <summary>Verifies the signature with <paramref name="signaturePublicKey"/>.</summary>
    public bool VerifySignature(CipherSuite suite, ReadOnlySpan<byte> signaturePublicKey, byte[]? context)
        => suite.VerifyWithLabel(signaturePublicKey, "FramedContentTBS", ToBeSigned(WireFormat, Content, context), Auth.Signature);

    /// <summary>ConfirmedTranscriptHashInput: wire format, content and signature.</summary>
    public byte[] ConfirmedTranscriptHashInput()
    {
        var writer = new TlsWriter(256);
        writer.WriteUInt16((ushort)WireFormat);
        Content.Encode(writer);
        writer.WriteOpaque(Auth.Signature);
        return writer.ToArray();
    }
}
