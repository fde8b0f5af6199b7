using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>Signature and, for commits, the confirmation tag of a message (RFC 9420 §6.1).</summary>
/// <param name="Signature">SignWithLabel(., "FramedContentTBS", FramedContentTBS).</param>
/// <param name="ConfirmationTag">Confirmation tag (commits only).</param>
public sealed record FramedContentAuthData(byte[] Signature, byte[]? ConfirmationTag)
{
    /// <summary>Writes the auth data for content of <paramref name="contentType"/>.</summary>
    public void Encode(TlsWriter writer, ContentType contentType)
    {
        writer.WriteOpaque(Signature);
        if (contentType == ContentType.Commit)
            writer.WriteOpaque(ConfirmationTag ?? throw new MlsException("mls.message.confirmation_tag", "A commit needs a confirmation tag."));
    }

    /// <summary>Decodes auth data for content of <paramref name="contentType"/>.</summary>
    public static FramedContentAuthData Decode(ref TlsReader reader, ContentType contentType)
        => new(reader.ReadOpaque(), contentType == ContentType.Commit ? reader.ReadOpaque() : null);
}
