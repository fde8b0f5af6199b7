using System.Security.Cryptography;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.Tree;

/// <summary>
/// TreeKEM (RFC 9420 §7.4–7.6, §7.9): generating and applying UpdatePaths, with parent hashes and path secret
/// encryption to copath resolutions.
/// </summary>
public static class TreeKem
{
    private const int ParallelThreshold = 16;

    /// <summary>
    /// Generates an UpdatePath for <paramref name="sender"/> and merges it into <paramref name="tree"/>.
    /// <paramref name="groupContextFor"/> maps the new root tree hash to the provisional GroupContext bytes the path
    /// secrets are encrypted under. Leaves in <paramref name="excludedLeaves"/> (new joiners) get no ciphertexts.
    /// </summary>
    public static UpdatePathResult CreateUpdatePath(
        RatchetTree tree,
        uint sender,
        byte[] groupId,
        LeafNode leafTemplate,
        ReadOnlySpan<byte> signaturePrivateKey,
        Func<byte[], byte[]> groupContextFor,
        IReadOnlyCollection<uint> excludedLeaves,
        byte[]? leafPrivateKey = null,
        byte[]? firstPathSecret = null)
    {
        var suite = tree.Suite;
        tree.RequireMember(sender);
        var path = tree.FilteredDirectPath(sender);

        var leafKeys = leafPrivateKey is null ? Hpke.GenerateKeyPair() : new HpkeKeyPair(leafPrivateKey, Hpke.PublicKeyOf(leafPrivateKey));
        var privateKeys = new TreePrivateKeys(sender, leafKeys.PrivateKey);
        var pathSecrets = new Dictionary<uint, byte[]>();
        var publicKeys = new byte[path.Count][];
        var secrets = new byte[path.Count][];
        var secret = firstPathSecret ?? RandomNumberGenerator.GetBytes(suite.HashLength);
        for (var i = 0; i < path.Count; i++)
        {
            if (i > 0) secret = suite.DeriveSecret(secret, "path");
            secrets[i] = secret;
            var keyPair = NodeKeyPair(suite, secret);
            publicKeys[i] = keyPair.PublicKey;
            privateKeys.Set(path[i].Node, keyPair.PrivateKey);
            pathSecrets[path[i].Node] = secret;
        }
        var commitSecret = path.Count == 0 ? suite.Zero() : suite.DeriveSecret(secret, "path");

        var leafParentHash = MergePath(tree, sender, path, publicKeys);
        var leaf = (leafTemplate with
        {
            EncryptionKey = leafKeys.PublicKey,
            Source = LeafNodeSource.Commit,
            Lifetime = null,
            ParentHash = leafParentHash,
        }).Signed(suite, signaturePrivateKey, groupId, sender);
        tree.SetLeaf(sender, leaf);

        var context = groupContextFor(tree.RootHash());
        var jobs = new List<(int Level, byte[] Key)>();
        var counts = new int[path.Count];
        for (var i = 0; i < path.Count; i++)
        {
            foreach (var r in EncryptionTargets(tree, path[i].CopathChild, excludedLeaves)) jobs.Add((i, PublicKeyOf(tree, r)));
            counts[i] = jobs.Count;
        }
        // Sparse trees can put hundreds of nodes in a resolution; the HPKE encryptions are independent.
        var sealedSecrets = new HpkeCiphertext[jobs.Count];
        if (jobs.Count >= ParallelThreshold)
            Parallel.For(0, jobs.Count, j => sealedSecrets[j] = suite.EncryptWithLabel(jobs[j].Key, "UpdatePathNode", context, secrets[jobs[j].Level]));
        else
            for (var j = 0; j < jobs.Count; j++) sealedSecrets[j] = suite.EncryptWithLabel(jobs[j].Key, "UpdatePathNode", context, secrets[jobs[j].Level]);
        var nodes = new List<UpdatePathNode>(path.Count);
        for (var i = 0; i < path.Count; i++)
        {
            var from = i == 0 ? 0 : counts[i - 1];
            nodes.Add(new UpdatePathNode(publicKeys[i], sealedSecrets[from..counts[i]]));
        }
        return new UpdatePathResult(new UpdatePath(leaf, nodes), commitSecret, pathSecrets, privateKeys);
    }

    /// <summary>
    /// Validates a received UpdatePath against <paramref name="tree"/> and merges its public part: the committer's
    /// leaf (signature, source and parent hash are checked) and the new keys of its filtered direct path. Returns the
    /// filtered direct path it was applied to.
    /// </summary>
    public static List<(uint Node, uint CopathChild)> ApplyUpdatePath(RatchetTree tree, uint sender, UpdatePath updatePath, byte[] groupId)
    {
        var suite = tree.Suite;
        tree.RequireMember(sender);
        var path = tree.FilteredDirectPath(sender);
        if (updatePath.Nodes.Count != path.Count)
            throw new MlsException("mls.update_path.length", $"The UpdatePath has {updatePath.Nodes.Count} nodes, the filtered direct path {path.Count}.");
        var leaf = updatePath.LeafNode;
        if (leaf.Source != LeafNodeSource.Commit)
            throw new MlsException("mls.update_path.leaf", "The committer's leaf must have source commit.");
        if (!leaf.VerifySignature(suite, groupId, sender))
            throw new MlsException("mls.update_path.signature", "The committer's leaf signature does not verify.");

        var parentHash = MergePath(tree, sender, path, updatePath.Nodes.Select(n => n.EncryptionKey).ToArray());
        if (!parentHash.AsSpan().SequenceEqual(leaf.ParentHash))
            throw new MlsException("mls.update_path.parent_hash", "The committer's leaf parent hash does not match the path.");
        tree.SetLeaf(sender, leaf);
        return path;
    }

    /// <summary>
    /// Decrypts the path secret meant for the local member from an already-merged UpdatePath and derives the rest of
    /// the path. Updates <paramref name="privateKeys"/> and returns the commit secret and the path secret at the
    /// common ancestor.
    /// </summary>
    public static (byte[] CommitSecret, byte[] CommonPathSecret) DecryptPath(
        RatchetTree tree,
        TreePrivateKeys privateKeys,
        UpdatePath updatePath,
        List<(uint Node, uint CopathChild)> path,
        byte[] groupContext,
        IReadOnlyCollection<uint> excludedLeaves)
    {
        var suite = tree.Suite;
        var me = TreeMath.LeafToNode(privateKeys.LeafIndex);
        var start = path.FindIndex(p => TreeMath.IsInSubtree(p.Node, me));
        if (start < 0) throw new MlsException("mls.update_path.no_ancestor", "No node of the UpdatePath covers the local member.");
        var targets = EncryptionTargets(tree, path[start].CopathChild, excludedLeaves);
        var ciphertexts = updatePath.Nodes[start].EncryptedPathSecret;
        if (ciphertexts.Count != targets.Count)
            throw new MlsException("mls.update_path.ciphertexts", "The UpdatePath has the wrong number of ciphertexts.");
        var position = targets.FindIndex(t => privateKeys.Get(t) is not null);
        if (position < 0) throw new MlsException("mls.update_path.no_key", "The local member holds no key for the copath resolution.");

        var ciphertext = ciphertexts[position];
        var secret = suite.DecryptWithLabel(privateKeys.Get(targets[position])!, "UpdatePathNode", groupContext, ciphertext.KemOutput, ciphertext.Ciphertext);
        var common = secret;
        foreach (var (node, _) in path) privateKeys.Remove(node);
        for (var i = start; i < path.Count; i++)
        {
            if (i > start) secret = suite.DeriveSecret(secret, "path");
            var keyPair = NodeKeyPair(suite, secret);
            if (!keyPair.PublicKey.AsSpan().SequenceEqual(updatePath.Nodes[i].EncryptionKey))
                throw new MlsException("mls.update_path.key_mismatch", "A derived path key does not match the UpdatePath.");
            privateKeys.Set(path[i].Node, keyPair.PrivateKey);
        }
        return (suite.DeriveSecret(secret, "path"), common);
    }

    /// <summary>The node key pair derived from a path secret: DeriveKeyPair(DeriveSecret(path_secret, "node")).</summary>
    public static HpkeKeyPair NodeKeyPair(CipherSuite suite, byte[] pathSecret) => suite.Hpke.DeriveKeyPair(suite.DeriveSecret(pathSecret, "node"));

    /// <summary>Derives the path secrets above a known one: entry i is the secret i steps further up the filtered direct path.</summary>
    public static byte[] DerivePathSecret(CipherSuite suite, byte[] pathSecret, int steps)
    {
        for (var i = 0; i < steps; i++) pathSecret = suite.DeriveSecret(pathSecret, "path");
        return pathSecret;
    }

    private static List<uint> EncryptionTargets(RatchetTree tree, uint copathChild, IReadOnlyCollection<uint> excludedLeaves)
    {
        var resolution = tree.Resolution(copathChild);
        if (excludedLeaves.Count == 0) return resolution;
        return resolution.Where(n => !(TreeMath.IsLeaf(n) && excludedLeaves.Contains(TreeMath.NodeToLeaf(n)))).ToList();
    }

    private static byte[] PublicKeyOf(RatchetTree tree, uint node)
        => TreeMath.IsLeaf(node) ? tree.GetLeaf(TreeMath.NodeToLeaf(node))!.EncryptionKey : tree.GetParent(node)!.EncryptionKey;

    // Blanks the direct path, installs the new keys on the filtered direct path and computes parent hashes top-down.
    // Returns the parent hash the committer's leaf must carry.
    private static byte[] MergePath(RatchetTree tree, uint sender, List<(uint Node, uint CopathChild)> path, byte[][] publicKeys)
    {
        tree.BlankDirectPath(sender);
        for (var i = 0; i < path.Count; i++)
            tree.SetParent(path[i].Node, new ParentNode(publicKeys[i], [], []));
        byte[] parentHash = [];
        for (var i = path.Count - 1; i >= 0; i--)
        {
            var node = path[i].Node;
            tree.SetParent(node, tree.GetParent(node)! with { ParentHash = parentHash });
            parentHash = tree.ParentHash(node, path[i].CopathChild);
        }
        return parentHash;
    }
}
