using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;

namespace Harmony.Core.Mls.Messages;

/// <summary>A ratchet-tree leaf describing one member (RFC 9420 §7.2).</summary>
public sealed record LeafNode : IMlsEncodable
{
    /// <summary>HPKE public key used to encrypt to this leaf.</summary>
    public required byte[] EncryptionKey { get; init; }

    /// <summary>Signature public key of the member.</summary>
    public required byte[] SignatureKey { get; init; }

    /// <summary>The member's credential.</summary>
    public required Credential Credential { get; init; }

    /// <summary>The member's capabilities.</summary>
    public required Capabilities Capabilities { get; init; }

    /// <summary>Where the leaf came from.</summary>
    public required LeafNodeSource Source { get; init; }

    /// <summary>Lifetime (source key_package only).</summary>
    public Lifetime? Lifetime { get; init; }

    /// <summary>Parent hash (source commit only).</summary>
    public byte[]? ParentHash { get; init; }

    /// <summary>Leaf extensions.</summary>
    public required IReadOnlyList<Extension> Extensions { get; init; }

    /// <summary>SignWithLabel(., "LeafNodeTBS", LeafNodeTBS).</summary>
    public required byte[] Signature { get; init; }

    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        EncodeContent(writer);
        writer.WriteOpaque(Signature);
    }

    /// <summary>The LeafNodeTBS bytes; <paramref name="groupId"/> and <paramref name="leafIndex"/> are needed for update and commit sources.</summary>
    public byte[] ToBeSigned(byte[]? groupId, uint leafIndex)
    {
        var writer = new TlsWriter(256);
        EncodeContent(writer);
        if (Source is LeafNodeSource.Update or LeafNodeSource.Commit)
        {
            writer.WriteOpaque(groupId ?? throw new MlsException("mls.leaf_node.context", "A group id is needed to sign or verify this leaf."));
            writer.WriteUInt32(leafIndex);
        }
        return writer.ToArray();
    }

    /// <summary>Verifies the leaf's signature with its own signature key.</summary>
    public bool VerifySignature(CipherSuite suite, byte[]? groupId, uint leafIndex)
        => suite.VerifyWithLabel(SignatureKey, "LeafNodeTBS", ToBeSigned(groupId, leafIndex), Signature);

    /// <summary>Returns a copy signed with <paramref name="signaturePrivateKey"/>.</summary>
    public LeafNode Signed(CipherSuite suite, ReadOnlySpan<byte> signaturePrivateKey, byte[]? groupId, uint leafIndex)
        => this with { Signature = suite.SignWithLabel(signaturePrivateKey, "LeafNodeTBS", ToBeSigned(groupId, leafIndex)) };

    /// <summary>Decodes a <c>LeafNode</c>.</summary>
    public static LeafNode Decode(ref TlsReader reader)
    {
        var encryptionKey = reader.ReadOpaque();
        var signatureKey = reader.ReadOpaque();
        var credential = Credential.Decode(ref reader);
        var capabilities = Capabilities.Decode(ref reader);
        var source = (LeafNodeSource)reader.ReadUInt8();
        Lifetime? lifetime = null;
        byte[]? parentHash = null;
        switch (source)
        {
            case LeafNodeSource.KeyPackage:
                lifetime = Lifetime.Decode(ref reader);
                break;
            case LeafNodeSource.Update:
                break;
            case LeafNodeSource.Commit:
                parentHash = reader.ReadOpaque();
                break;
            default:
                throw new MlsException("mls.codec.invalid_value", $"Unknown leaf node source {(byte)source}.");
        }
        return new LeafNode
        {
            EncryptionKey = encryptionKey,
            SignatureKey = signatureKey,
            Credential = credential,
            Capabilities = capabilities,
            Source = source,
            Lifetime = lifetime,
            ParentHash = parentHash,
            Extensions = Extension.DecodeList(ref reader),
            Signature = reader.ReadOpaque(),
        };
    }

    private void EncodeContent(TlsWriter writer)
    {
        writer.WriteOpaque(EncryptionKey);
        writer.WriteOpaque(SignatureKey);
        Credential.Encode(writer);
        Capabilities.Encode(writer);
        writer.WriteUInt8((byte)Source);
        switch (Source)
        {
            case LeafNodeSource.KeyPackage:
                (Lifetime ?? throw new MlsException("mls.leaf_node.lifetime", "A key_package leaf needs a lifetime.")).Encode(writer);
                break;
            case LeafNodeSource.Commit:
                writer.WriteOpaque(ParentHash ?? throw new MlsException("mls.leaf_node.parent_hash", "A commit leaf needs a parent hash."));
                break;
        }
        Extension.EncodeList(writer, Extensions);
    }
}
