using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;

namespace Harmony.Core.Mls.Messages;

/// <summary>Signed description of a group's current epoch, sent to joiners (RFC 9420 §12.4.3).</summary>
public sealed record GroupInfo : IMlsEncodable
{
    /// <summary>The group context.</summary>
    public required GroupContext GroupContext { get; init; }

    /// <summary>GroupInfo extensions (ratchet_tree, external_pub, ...).</summary>
    public required IReadOnlyList<Extension> Extensions { get; init; }

    /// <summary>Confirmation tag of the epoch.</summary>
    public required byte[] ConfirmationTag { get; init; }

    /// <summary>Leaf index of the signer.</summary>
    public required uint Signer { get; init; }

    /// <summary>SignWithLabel(., "GroupInfoTBS", GroupInfoTBS).</summary>
    public required byte[] Signature { get; init; }

    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        EncodeContent(writer);
        writer.WriteOpaque(Signature);
    }

    /// <summary>GroupInfoTBS bytes.</summary>
    public byte[] ToBeSigned()
    {
        // Sized for the extensions (the ratchet tree can be hundreds of kilobytes) so the buffer never regrows.
        var writer = new TlsWriter(EstimatedLength);
        EncodeContent(writer);
        return writer.ToArray();
    }

    /// <summary>A capacity that holds the encoding without regrowing.</summary>
    internal int EstimatedLength => 256 + GroupContext.Extensions.Sum(e => e.Data.Length + 8) + Extensions.Sum(e => e.Data.Length + 8);

    /// <summary>Verifies the signature with the signer's public key.</summary>
    public bool VerifySignature(CipherSuite suite, ReadOnlySpan<byte> signerPublicKey)
        => suite.VerifyWithLabel(signerPublicKey, "GroupInfoTBS", ToBeSigned(), Signature);

    /// <summary>Returns the extension of <paramref name="type"/>, or null.</summary>
    public Extension? FindExtension(ushort type) => Extensions.FirstOrDefault(e => e.Type == type);

    /// <summary>Decodes a <c>GroupInfo</c>.</summary>
    public static GroupInfo Decode(ref TlsReader reader) => new()
    {
        GroupContext = GroupContext.Decode(ref reader),
        Extensions = Extension.DecodeList(ref reader),
        ConfirmationTag = reader.ReadOpaque(),
        Signer = reader.ReadUInt32(),
        Signature = reader.ReadOpaque(),
    };

    private void EncodeContent(TlsWriter writer)
    {
        GroupContext.Encode(writer);
        Extension.EncodeList(writer, Extensions);
        writer.WriteOpaque(ConfirmationTag);
        writer.WriteUInt32(Signer);
    }
}
