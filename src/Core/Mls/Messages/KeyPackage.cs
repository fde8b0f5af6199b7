using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;

namespace Harmony.Core.Mls.Messages;

/// <summary>A signed, pre-published bundle that lets others add its owner to a group (RFC 9420 §10).</summary>
public sealed record KeyPackage : IMlsEncodable
{
    /// <summary>Cipher suite identifier.</summary>
    public required ushort CipherSuite { get; init; }

    /// <summary>HPKE init key the Welcome is encrypted to.</summary>
    public required byte[] InitKey { get; init; }

    /// <summary>The leaf the owner will occupy.</summary>
    public required LeafNode LeafNode { get; init; }

    /// <summary>KeyPackage extensions.</summary>
    public required IReadOnlyList<Extension> Extensions { get; init; }

    /// <summary>SignWithLabel(., "KeyPackageTBS", KeyPackageTBS).</summary>
    public required byte[] Signature { get; init; }

    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        EncodeContent(writer);
        writer.WriteOpaque(Signature);
    }

    /// <summary>The KeyPackageTBS bytes.</summary>
    public byte[] ToBeSigned()
    {
        var writer = new TlsWriter(512);
        EncodeContent(writer);
        return writer.ToArray();
    }

    /// <summary>Verifies the KeyPackage signature with the leaf's signature key.</summary>
    public bool VerifySignature(CipherSuite suite) => suite.VerifyWithLabel(LeafNode.SignatureKey, "KeyPackageTBS", ToBeSigned(), Signature);

    /// <summary>KeyPackageRef = RefHash("MLS 1.0 KeyPackage Reference", KeyPackage).</summary>
    public byte[] Reference(CipherSuite suite) => suite.RefHash("MLS 1.0 KeyPackage Reference", this.ToBytes());

    /// <summary>Decodes a <c>KeyPackage</c>.</summary>
    public static KeyPackage Decode(ref TlsReader reader)
    {
        if (reader.ReadUInt16() != GroupContext.ProtocolVersion)
            throw new MlsException("mls.version", "Only protocol version mls10 is supported.");
        return new KeyPackage
        {
            CipherSuite = reader.ReadUInt16(),
            InitKey = reader.ReadOpaque(),
            LeafNode = LeafNode.Decode(ref reader),
            Extensions = Extension.DecodeList(ref reader),
            Signature = reader.ReadOpaque(),
        };
    }

    private void EncodeContent(TlsWriter writer)
    {
        writer.WriteUInt16(GroupContext.ProtocolVersion);
        writer.WriteUInt16(CipherSuite);
        writer.WriteOpaque(InitKey);
        LeafNode.Encode(writer);
        Extension.EncodeList(writer, Extensions);
    }
}
