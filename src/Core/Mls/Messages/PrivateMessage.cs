using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>An encrypted message (RFC 9420 §6.3).</summary>
public sealed record PrivateMessage : IMlsEncodable
{
    /// <summary>Group identifier.</summary>
    public required byte[] GroupId { get; init; }

    /// <summary>Epoch.</summary>
    public required ulong Epoch { get; init; }

    /// <summary>Content type.</summary>
    public required ContentType ContentType { get; init; }

    /// <summary>Authenticated but unencrypted data.</summary>
    public required byte[] AuthenticatedData { get; init; }

    /// <summary>Encrypted SenderData.</summary>
    public required byte[] EncryptedSenderData { get; init; }

    /// <summary>Encrypted PrivateMessageContent.</summary>
    public required byte[] Ciphertext { get; init; }

    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteOpaque(GroupId);
        writer.WriteUInt64(Epoch);
        writer.WriteUInt8((byte)ContentType);
        writer.WriteOpaque(AuthenticatedData);
        writer.WriteOpaque(EncryptedSenderData);
        writer.WriteOpaque(Ciphertext);
    }

    /// <summary>Decodes a <c>PrivateMessage</c>.</summary>
    public static PrivateMessage Decode(ref TlsReader reader) => new()
    {
        GroupId = reader.ReadOpaque(),
        Epoch = reader.ReadUInt64(),
        ContentType = FramedContent.ReadContentType(ref reader),
        AuthenticatedData = reader.ReadOpaque(),
        EncryptedSenderData = reader.ReadOpaque(),
        Ciphertext = reader.ReadOpaque(),
    };

    /// <summary>SenderDataAAD.</summary>
    public static byte[] SenderDataAad(byte[] groupId, ulong epoch, ContentType contentType)
    {
        var writer = new TlsWriter(64);
        writer.WriteOpaque(groupId);
        writer.WriteUInt64(epoch);
        writer.WriteUInt8((byte)contentType);
        return writer.ToArray();
    }

    /// <summary>PrivateContentAAD.</summary>
    public static byte[] ContentAad(byte[] groupId, ulong epoch, ContentType contentType, byte[] authenticatedData)
    {
        var writer = new TlsWriter(64 + authenticatedData.Length);
        writer.WriteOpaque(groupId);
        writer.WriteUInt64(epoch);
        writer.WriteUInt8((byte)contentType);
        writer.WriteOpaque(authenticatedData);
        return writer.ToArray();
    }
}
