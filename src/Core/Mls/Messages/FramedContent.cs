using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>The content of a handshake or application message before signing and protection (RFC 9420 §6).</summary>
public sealed record FramedContent : IMlsEncodable
{
    /// <summary>Group identifier.</summary>
    public required byte[] GroupId { get; init; }

    /// <summary>Epoch the message belongs to.</summary>
    public required ulong Epoch { get; init; }

    /// <summary>The sender.</summary>
    public required Sender Sender { get; init; }

    /// <summary>Authenticated but unencrypted application data.</summary>
    public byte[] AuthenticatedData { get; init; } = [];

    /// <summary>Content type.</summary>
    public required ContentType ContentType { get; init; }

    /// <summary>Application data (content type application).</summary>
    public byte[]? ApplicationData { get; init; }

    /// <summary>The proposal (content type proposal).</summary>
    public Proposal? Proposal { get; init; }

    /// <summary>The commit (content type commit).</summary>
    public Commit? Commit { get; init; }

    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteOpaque(GroupId);
        writer.WriteUInt64(Epoch);
        Sender.Encode(writer);
        writer.WriteOpaque(AuthenticatedData);
        writer.WriteUInt8((byte)ContentType);
        EncodeBody(writer);
    }

    /// <summary>Writes only the content-type-specific body (as PrivateMessageContent does).</summary>
    public void EncodeBody(TlsWriter writer)
    {
        switch (ContentType)
        {
            case ContentType.Application:
                writer.WriteOpaque(ApplicationData ?? []);
                break;
            case ContentType.Proposal:
                (Proposal ?? throw new MlsException("mls.message.content", "Proposal content is missing.")).Encode(writer);
                break;
            case ContentType.Commit:
                (Commit ?? throw new MlsException("mls.message.content", "Commit content is missing.")).Encode(writer);
                break;
        }
    }

    /// <summary>Decodes a <c>FramedContent</c>.</summary>
    public static FramedContent Decode(ref TlsReader reader)
    {
        var groupId = reader.ReadOpaque();
        var epoch = reader.ReadUInt64();
        var sender = Sender.Decode(ref reader);
        var authenticatedData = reader.ReadOpaque();
        var contentType = ReadContentType(ref reader);
        return DecodeBody(ref reader, new FramedContent { GroupId = groupId, Epoch = epoch, Sender = sender, AuthenticatedData = authenticatedData, ContentType = contentType });
    }

    /// <summary>Reads the body selected by <paramref name="header"/>'s content type into a copy of it.</summary>
    public static FramedContent DecodeBody(ref TlsReader reader, FramedContent header) => header.ContentType switch
    {
        ContentType.Application => header with { ApplicationData = reader.ReadOpaque() },
        ContentType.Proposal => header with { Proposal = Proposal.Decode(ref reader) },
        _ => header with { Commit = Commit.Decode(ref reader) },
    };

    /// <summary>Reads and validates a content type byte.</summary>
    public static ContentType ReadContentType(ref TlsReader reader)
    {
        var type = (ContentType)reader.ReadUInt8();
        if (type is not (ContentType.Application or ContentType.Proposal or ContentType.Commit))
            throw new MlsException("mls.codec.invalid_value", $"Unknown content type {(byte)type}.");
        return type;
    }
}
