using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.Group;

/// <summary>Leaf node and KeyPackage validation (RFC 9420 §7.3, §10.1). Failures throw <see cref="MlsException"/>.</summary>
public static class LeafNodeValidator
{
    /// <summary>
    /// Validates a KeyPackage for use in <paramref name="suite"/>: version, suite, signatures, leaf source and
    /// lifetime (when <paramref name="now"/> is given), and distinct init and encryption keys.
    /// </summary>
    public static void ValidateKeyPackage(CipherSuite suite, KeyPackage keyPackage, DateTimeOffset? now)
    {
        if (keyPackage.CipherSuite != suite.Id)
            throw new MlsException("mls.key_package.cipher_suite", "The KeyPackage uses another cipher suite.");
        if (!keyPackage.VerifySignature(suite))
            throw new MlsException("mls.key_package.signature", "The KeyPackage signature does not verify.");
        if (keyPackage.InitKey.AsSpan().SequenceEqual(keyPackage.LeafNode.EncryptionKey))
            throw new MlsException("mls.key_package.init_key", "The init key equals the leaf encryption key.");
        ValidateLeaf(suite, keyPackage.LeafNode, LeafNodeSource.KeyPackage, null, 0, now);
    }

    /// <summary>Validates a leaf node of the expected source (signature, capabilities, lifetime).</summary>
    public static void ValidateLeaf(CipherSuite suite, LeafNode leaf, LeafNodeSource expectedSource, byte[]? groupId, uint leafIndex, DateTimeOffset? now)
    {
        if (leaf.Source != expectedSource)
            throw new MlsException("mls.leaf_node.source", $"Expected a leaf node with source {expectedSource}.");
        if (!leaf.VerifySignature(suite, groupId, leafIndex))
            throw new MlsException("mls.leaf_node.signature", "The leaf node signature does not verify.");
        if (!leaf.Capabilities.CipherSuites.Contains(suite.Id) || !leaf.Capabilities.Versions.Contains(GroupContext.ProtocolVersion))
            throw new MlsException("mls.leaf_node.capabilities", "The leaf does not support the group's version and cipher suite.");
        if (!leaf.Capabilities.Credentials.Contains(leaf.Credential.Type))
            throw new MlsException("mls.leaf_node.capabilities", "The leaf does not list its own credential type.");
        foreach (var extension in leaf.Extensions)
            if (!ExtensionType.IsDefault(extension.Type) && !leaf.Capabilities.Extensions.Contains(extension.Type))
                throw new MlsException("mls.leaf_node.capabilities", $"The leaf uses extension {extension.Type} it does not list.");
        if (now is { } time && leaf.Lifetime is { } lifetime)
        {
            var seconds = (ulong)Math.Max(0, time.ToUnixTimeSeconds());
            if (seconds < lifetime.NotBefore || seconds > lifetime.NotAfter)
                throw new MlsException("mls.leaf_node.lifetime", "The leaf node is outside its lifetime.");
        }
    }

    /// <summary>
    /// Checks that <paramref name="leaf"/> supports the group's context extensions and its required_capabilities
    /// (RFC 9420 §11.1); throws <c>mls.leaf_node.capabilities</c>.
    /// </summary>
    public static void ValidateAgainstGroup(LeafNode leaf, IReadOnlyList<Extension> groupExtensions)
    {
        foreach (var extension in groupExtensions)
        {
            if (!ExtensionType.IsDefault(extension.Type) && !leaf.Capabilities.Extensions.Contains(extension.Type))
                throw new MlsException("mls.leaf_node.capabilities", $"A member does not support group extension {extension.Type}.");
            if (extension.Type != ExtensionType.RequiredCapabilities) continue;
            var required = MlsEncoding.Decode(extension.Data, RequiredCapabilities.Decode);
            foreach (var type in required.Extensions)
                if (!ExtensionType.IsDefault(type) && !leaf.Capabilities.Extensions.Contains(type))
                    throw new MlsException("mls.leaf_node.capabilities", $"A member does not support required extension {type}.");
            foreach (var type in required.Proposals)
                if (type > (ushort)ProposalType.GroupContextExtensions && !leaf.Capabilities.Proposals.Contains(type))
                    throw new MlsException("mls.leaf_node.capabilities", $"A member does not support required proposal {type}.");
            foreach (var type in required.Credentials)
                if (!leaf.Capabilities.Credentials.Contains(type))
                    throw new MlsException("mls.leaf_node.capabilities", $"A member does not support required credential {type}.");
        }
    }
}
