using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.Tree;

/// <summary>
/// The public ratchet tree of a group (RFC 9420 §7), stored as two arrays (leaves and parents) indexed by the
/// array-based tree math. Tree hashes are cached per node and invalidated along the direct path of each change, so
/// after one modification the root hash costs O(log n) hash computations. Each node's TLS encoding is cached too
/// (invalidated only when that node changes), so encoding the whole tree for a Welcome or GroupInfo copies bytes
/// instead of re-encoding every leaf.
/// </summary>
public sealed class RatchetTree
{
    private LeafNode?[] _leaves;
    private ParentNode?[] _parents;
    private byte[]?[] _hashes;
    // The encoding of each non-blank node (LeafNode or ParentNode struct, without the optional/type prefix).
    private byte[]?[] _encodings;

    /// <summary>Creates a one-member tree.</summary>
    public RatchetTree(CipherSuite suite, LeafNode first)
    {
        Suite = suite;
        _leaves = [first];
        _parents = [];
        _hashes = new byte[]?[1];
        _encodings = new byte[]?[1];
    }

    private RatchetTree(CipherSuite suite, LeafNode?[] leaves, ParentNode?[] parents, byte[]?[]? encodings = null)
    {
        Suite = suite;
        _leaves = leaves;
        _parents = parents;
        _hashes = new byte[]?[leaves.Length * 2 - 1];
        _encodings = encodings ?? new byte[]?[leaves.Length * 2 - 1];
    }

    /// <summary>The cipher suite.</summary>
    public CipherSuite Suite { get; }

    /// <summary>Number of leaves (a power of two).</summary>
    public uint LeafCount => (uint)_leaves.Length;

    /// <summary>Number of nodes.</summary>
    public uint NodeWidth => TreeMath.NodeWidth(LeafCount);

    /// <summary>The leaf at <paramref name="leafIndex"/>, or null when blank or out of range.</summary>
    public LeafNode? GetLeaf(uint leafIndex) => leafIndex < LeafCount ? _leaves[leafIndex] : null;

    /// <summary>The parent node at node index <paramref name="node"/>, or null when blank.</summary>
    public ParentNode? GetParent(uint node) => _parents[node >> 1];

    /// <summary>Whether node <paramref name="node"/> is blank.</summary>
    public bool IsBlank(uint node) => TreeMath.IsLeaf(node) ? _leaves[node >> 1] is null : _parents[node >> 1] is null;

    /// <summary>Indices of the non-blank leaves.</summary>
    public IEnumerable<uint> MemberLeaves()
    {
        for (uint i = 0; i < LeafCount; i++)
            if (_leaves[i] is not null) yield return i;
    }

    /// <summary>A deep-enough copy for staging a commit (nodes are immutable records).</summary>
    public RatchetTree Clone()
    {
        var copy = new RatchetTree(Suite, (LeafNode?[])_leaves.Clone(), (ParentNode?[])_parents.Clone(), (byte[]?[])_encodings.Clone());
        Array.Copy(_hashes, copy._hashes, _hashes.Length);
        return copy;
    }

    /// <summary>Sets (or blanks) a leaf and invalidates the cached hashes above it.</summary>
    public void SetLeaf(uint leafIndex, LeafNode? leaf)
    {
        _leaves[leafIndex] = leaf;
        _encodings[TreeMath.LeafToNode(leafIndex)] = null;
        Invalidate(TreeMath.LeafToNode(leafIndex));
    }

    /// <summary>Sets (or blanks) a parent node and invalidates the cached hashes at and above it.</summary>
    public void SetParent(uint node, ParentNode? parent)
    {
        _parents[node >> 1] = parent;
        _encodings[node] = null;
        Invalidate(node);
    }

    /// <summary>Adds a member at the leftmost blank leaf, growing the tree if needed (RFC 9420 §12.1.1). Returns its leaf index.</summary>
    public uint AddLeaf(LeafNode leaf, MlsLimits? limits = null)
    {
        uint index = 0;
        while (index < LeafCount && _leaves[index] is not null) index++;
        if (index == LeafCount) Grow(limits ?? MlsLimits.Default);
        SetLeaf(index, leaf);
        foreach (var p in TreeMath.DirectPath(TreeMath.LeafToNode(index), LeafCount))
        {
            var parent = _parents[p >> 1];
            if (parent is null) continue;
            var unmerged = new List<uint>(parent.UnmergedLeaves) { index };
            unmerged.Sort();
            SetParent(p, parent with { UnmergedLeaves = unmerged });
        }
        return index;
    }

    /// <summary>Replaces a member's leaf and blanks its direct path (Update, RFC 9420 §12.1.2).</summary>
    public void UpdateLeaf(uint leafIndex, LeafNode leaf)
    {
        RequireMember(leafIndex);
        SetLeaf(leafIndex, leaf);
        BlankDirectPath(leafIndex);
    }

    /// <summary>Removes a member: blanks its leaf and direct path, then truncates the tree (Remove, RFC 9420 §12.1.3).</summary>
    public void RemoveLeaf(uint leafIndex)
    {
        RequireMember(leafIndex);
        SetLeaf(leafIndex, null);
        BlankDirectPath(leafIndex);
        Truncate();
    }

    /// <summary>Blanks every parent node on the direct path of <paramref name="leafIndex"/>.</summary>
    public void BlankDirectPath(uint leafIndex)
    {
        foreach (var p in TreeMath.DirectPath(TreeMath.LeafToNode(leafIndex), LeafCount))
            if (_parents[p >> 1] is not null) SetParent(p, null);
    }

    /// <summary>Throws <c>mls.tree.leaf</c> unless <paramref name="leafIndex"/> holds a member.</summary>
    public void RequireMember(uint leafIndex)
    {
        if (leafIndex >= LeafCount || _leaves[leafIndex] is null)
            throw new MlsException("mls.tree.leaf", $"Leaf {leafIndex} is not a member.");
    }

    /// <summary>The resolution of a node (RFC 9420 §4.1.1): the minimal set of non-blank nodes covering its subtree.</summary>
    public List<uint> Resolution(uint node)
    {
        var result = new List<uint>();
        AddResolution(node, result);
        return result;
    }

    /// <summary>
    /// The filtered direct path of a leaf paired with each node's copath child: direct-path nodes whose copath child
    /// has an empty resolution are dropped (RFC 9420 §4.1.2).
    /// </summary>
    public List<(uint Node, uint CopathChild)> FilteredDirectPath(uint leafIndex)
    {
        var result = new List<(uint, uint)>();
        var x = TreeMath.LeafToNode(leafIndex);
        var root = TreeMath.Root(LeafCount);
        while (x != root)
        {
            var sibling = TreeMath.Sibling(x, LeafCount);
            var parent = TreeMath.Parent(x, LeafCount);
            if (HasNonBlank(sibling)) result.Add((parent, sibling));
            x = parent;
        }
        return result;
    }

    /// <summary>The tree hash of the root.</summary>
    public byte[] RootHash() => TreeHash(TreeMath.Root(LeafCount));

    /// <summary>The tree hash of <paramref name="node"/> (RFC 9420 §7.8), cached.</summary>
    public byte[] TreeHash(uint node)
    {
        if (_hashes[node] is { } cached) return cached;
        byte[] hash;
        if (TreeMath.IsLeaf(node))
        {
            hash = LeafHash(node >> 1, NodeEncoding(node));
        }
        else
        {
            var left = TreeHash(TreeMath.Left(node));
            var right = TreeHash(TreeMath.Right(node));
            hash = ParentTreeHash(NodeEncoding(node), left, right);
        }
        _hashes[node] = hash;
        return hash;
    }

    /// <summary>ParentHash(P, S) (RFC 9420 §7.9) for the parent node <paramref name="parent"/> and its copath child <paramref name="copathChild"/>.</summary>
    public byte[] ParentHash(uint parent, uint copathChild)
    {
        var p = _parents[parent >> 1] ?? throw new MlsException("mls.tree.parent_hash", "Parent hash of a blank node.");
        var siblingHash = OriginalTreeHash(copathChild, p.UnmergedLeaves);
        var writer = new TlsWriter(128);
        writer.WriteOpaque(p.EncryptionKey);
        writer.WriteOpaque(p.ParentHash);
        writer.WriteOpaque(siblingHash);
        return Suite.Hash(writer.WrittenSpan);
    }

    /// <summary>
    /// Checks that every non-blank parent node is parent-hash valid with respect to exactly one descendant (the
    /// top-down check of RFC 9420 §7.9.2).
    /// </summary>
    public bool ParentHashesValid()
    {
        for (uint i = 0; i < _parents.Length; i++)
        {
            var node = 2 * i + 1;
            var parent = _parents[i];
            if (parent is null) continue;
            var matches = 0;
            foreach (var (child, sibling) in new[] { (TreeMath.Left(node), TreeMath.Right(node)), (TreeMath.Right(node), TreeMath.Left(node)) })
            {
                var expected = ParentHash(node, sibling);
                var resolution = Resolution(child);
                var unmergedUnder = parent.UnmergedLeaves.Select(TreeMath.LeafToNode).Where(l => TreeMath.IsInSubtree(child, l)).ToHashSet();
                foreach (var d in resolution)
                {
                    var dHash = TreeMath.IsLeaf(d) ? _leaves[d >> 1]!.ParentHash : _parents[d >> 1]!.ParentHash;
                    if (dHash is null || !dHash.AsSpan().SequenceEqual(expected)) continue;
                    var rest = resolution.Where(r => r != d).ToHashSet();
                    if (rest.SetEquals(unmergedUnder)) matches++;
                }
            }
            if (matches != 1) return false;
        }
        return true;
    }

    /// <summary>
    /// Checks the structural invariants a joiner must verify (RFC 9420 §7.9.2, §12.4.3.1): unmerged leaves are
    /// non-blank descendants recorded on every intermediate node, and encryption and signature keys are unique.
    /// Throws <c>mls.tree.invalid</c>.
    /// </summary>
    public void ValidateStructure()
    {
        for (uint i = 0; i < _parents.Length; i++)
        {
            var parent = _parents[i];
            if (parent is null) continue;
            var node = 2 * i + 1;
            foreach (var leaf in parent.UnmergedLeaves)
            {
                var leafNode = TreeMath.LeafToNode(leaf);
                if (leaf >= LeafCount || _leaves[leaf] is null || !TreeMath.IsInSubtree(node, leafNode))
                    throw new MlsException("mls.tree.invalid", "An unmerged leaf is blank or not below its parent.");
                foreach (var p in TreeMath.DirectPath(leafNode, LeafCount))
                {
                    if (p == node) break;
                    if (_parents[p >> 1] is { } between && !between.UnmergedLeaves.Contains(leaf))
                        throw new MlsException("mls.tree.invalid", "An unmerged leaf is missing from an intermediate node.");
                }
            }
        }
        var encryptionKeys = new HashSet<string>();
        var signatureKeys = new HashSet<string>();
        foreach (var leaf in _leaves)
        {
            if (leaf is null) continue;
            if (!encryptionKeys.Add(Convert.ToHexString(leaf.EncryptionKey)))
                throw new MlsException("mls.tree.invalid", "Two nodes share an encryption key.");
            if (!signatureKeys.Add(Convert.ToHexString(leaf.SignatureKey)))
                throw new MlsException("mls.tree.invalid", "Two leaves share a signature key.");
        }
        foreach (var parent in _parents)
            if (parent is not null && !encryptionKeys.Add(Convert.ToHexString(parent.EncryptionKey)))
                throw new MlsException("mls.tree.invalid", "Two nodes share an encryption key.");
    }

    /// <summary>Verifies every leaf's signature for <paramref name="groupId"/>.</summary>
    public bool LeafSignaturesValid(byte[] groupId)
    {
        // Joining a large group verifies every leaf; the checks are independent.
        if (LeafCount < 64)
        {
            for (uint i = 0; i < LeafCount; i++)
                if (_leaves[i] is { } leaf && !leaf.VerifySignature(Suite, groupId, i)) return false;
            return true;
        }
        var valid = true;
        Parallel.For(0, (int)LeafCount, (i, loop) =>
        {
            if (_leaves[i] is { } leaf && !leaf.VerifySignature(Suite, groupId, (uint)i))
            {
                valid = false;
                loop.Stop();
            }
        });
        return valid;
    }

    /// <summary>Finds the leaf whose signature key is <paramref name="signatureKey"/>, or null.</summary>
    public uint? FindLeafBySignatureKey(ReadOnlySpan<byte> signatureKey)
    {
        for (uint i = 0; i < LeafCount; i++)
            if (_leaves[i] is { } leaf && leaf.SignatureKey.AsSpan().SequenceEqual(signatureKey)) return i;
        return null;
    }

    /// <summary>Finds the leaf whose encryption key is <paramref name="encryptionKey"/>, or null.</summary>
    public uint? FindLeafByEncryptionKey(ReadOnlySpan<byte> encryptionKey)
    {
        for (uint i = 0; i < LeafCount; i++)
            if (_leaves[i] is { } leaf && leaf.EncryptionKey.AsSpan().SequenceEqual(encryptionKey)) return i;
        return null;
    }

    /// <summary>Encodes the tree as the ratchet_tree extension does: <c>optional&lt;Node&gt; ratchet_tree&lt;V&gt;</c> without trailing blanks.</summary>
    public void Encode(TlsWriter writer)
    {
        var width = EncodedWidth();
        writer.WriteVarInt(EncodedContentLength(width));
        WriteNodes(writer, width);
    }

    /// <summary>Encodes the tree into a new array (sized exactly, node encodings copied from the cache).</summary>
    public byte[] ToBytes()
    {
        var width = EncodedWidth();
        var length = EncodedContentLength(width);
        var writer = new TlsWriter(length + (length < 64 ? 1 : length < 16384 ? 2 : 4));
        writer.WriteVarInt(length);
        WriteNodes(writer, width);
        return writer.Detach();
    }

    /// <summary>Length of <see cref="ToBytes"/> (with its length prefix), computed without encoding.</summary>
    internal int EncodedLength
    {
        get
        {
            var length = EncodedContentLength(EncodedWidth());
            return TlsWriter.VarIntSize(length) + length;
        }
    }

    private uint EncodedWidth()
    {
        var width = NodeWidth;
        while (width > 0 && IsBlank(width - 1)) width--;
        return width;
    }

    private int EncodedContentLength(uint width)
    {
        long length = 0;
        for (uint n = 0; n < width; n++)
            length += IsBlank(n) ? 1 : 2 + NodeEncoding(n)!.Length;
        if (length > TlsWriter.MaxVarInt) throw new MlsException("mls.codec.too_long", "The ratchet tree is too large to encode.");
        return (int)length;
    }

    private void WriteNodes(TlsWriter writer, uint width)
    {
        for (uint n = 0; n < width; n++)
        {
            if (IsBlank(n))
            {
                writer.WritePresence(false);
                continue;
            }
            writer.WritePresence(true);
            writer.WriteUInt8((byte)(TreeMath.IsLeaf(n) ? NodeType.Leaf : NodeType.Parent));
            writer.WriteFixed(NodeEncoding(n));
        }
    }

    // The cached encoding of a node, computed on first use; null for blank nodes.
    private byte[]? NodeEncoding(uint node)
    {
        if (_encodings[node] is { } cached) return cached;
        IMlsEncodable? value = TreeMath.IsLeaf(node) ? _leaves[node >> 1] : _parents[node >> 1];
        if (value is null) return null;
        var writer = new TlsWriter(TreeMath.IsLeaf(node) ? 384 : 96);
        value.Encode(writer);
        return _encodings[node] = writer.ToArray();
    }

    /// <summary>Decodes a ratchet_tree value; throws <c>mls.tree.malformed</c> for structural errors.</summary>
    public static RatchetTree Decode(CipherSuite suite, ref TlsReader reader)
    {
        var inner = reader.ReadVectorReader();
        var nodes = new List<(NodeType Type, LeafNode? Leaf, ParentNode? Parent, byte[] Encoding)?>();
        var maxNodes = 2L * reader.Limits.MaxTreeLeaves - 1;
        while (!inner.IsEmpty)
        {
            if (nodes.Count >= maxNodes) throw new MlsException("mls.tree.too_large", "The ratchet tree exceeds the leaf limit.");
            if (!inner.ReadPresence())
            {
                nodes.Add(null);
                continue;
            }
            var type = (NodeType)inner.ReadUInt8();
            var isLeafPosition = (nodes.Count & 1) == 0;
            var start = inner.Position;
            switch (type)
            {
                case NodeType.Leaf when isLeafPosition:
                    var leaf = LeafNode.Decode(ref inner);
                    nodes.Add((type, leaf, null, inner.Consumed(start).ToArray()));
                    break;
                case NodeType.Parent when !isLeafPosition:
                    var parent = ParentNode.Decode(ref inner);
                    nodes.Add((type, null, parent, inner.Consumed(start).ToArray()));
                    break;
                default:
                    throw new MlsException("mls.tree.malformed", $"Node {nodes.Count} has the wrong node type.");
            }
        }
        if (nodes.Count == 0 || nodes[^1] is null)
            throw new MlsException("mls.tree.malformed", "The ratchet tree is empty or ends with a blank node.");
        if ((nodes.Count & 1) == 0)
            throw new MlsException("mls.tree.malformed", "The ratchet tree has an even number of nodes.");
        uint leafCount = 1;
        while (TreeMath.NodeWidth(leafCount) < nodes.Count) leafCount <<= 1;
        var leaves = new LeafNode?[leafCount];
        var parents = new ParentNode?[leafCount - 1];
        // The received bytes are the canonical encoding (the codec enforces minimal lengths), so they seed the cache.
        var encodings = new byte[]?[TreeMath.NodeWidth(leafCount)];
        for (var n = 0; n < nodes.Count; n++)
        {
            if (nodes[n] is not { } entry) continue;
            if ((n & 1) == 0) leaves[n >> 1] = entry.Leaf;
            else parents[n >> 1] = entry.Parent;
            encodings[n] = entry.Encoding;
        }
        return new RatchetTree(suite, leaves, parents, encodings);
    }

    /// <summary>Decodes a whole buffer as a ratchet tree.</summary>
    public static RatchetTree Parse(CipherSuite suite, ReadOnlySpan<byte> data, MlsLimits? limits = null)
    {
        var reader = new TlsReader(data, limits);
        var tree = Decode(suite, ref reader);
        reader.EnsureEnd();
        return tree;
    }

    private void Grow(MlsLimits limits)
    {
        var newCount = LeafCount * 2;
        if (newCount > limits.MaxTreeLeaves) throw new MlsException("mls.tree.too_large", "The group has reached its member limit.");
        Array.Resize(ref _leaves, (int)newCount);
        Array.Resize(ref _parents, (int)newCount - 1);
        // Existing nodes keep their indices; only the hashes of the new right half and the new root are unknown.
        Array.Resize(ref _hashes, (int)TreeMath.NodeWidth(newCount));
        Array.Resize(ref _encodings, (int)TreeMath.NodeWidth(newCount));
        _hashes[TreeMath.Root(newCount)] = null;
    }

    private void Truncate()
    {
        var count = LeafCount;
        while (count > 1)
        {
            var half = count / 2;
            var rightEmpty = true;
            for (var i = half; i < count; i++)
            {
                if (_leaves[i] is not null)
                {
                    rightEmpty = false;
                    break;
                }
            }
            if (!rightEmpty) break;
            count = half;
        }
        if (count == LeafCount) return;
        Array.Resize(ref _leaves, (int)count);
        Array.Resize(ref _parents, (int)count - 1);
        Array.Resize(ref _hashes, (int)TreeMath.NodeWidth(count));
        Array.Resize(ref _encodings, (int)TreeMath.NodeWidth(count));
    }

    private void Invalidate(uint node)
    {
        _hashes[node] = null;
        var root = TreeMath.Root(LeafCount);
        while (node != root)
        {
            node = TreeMath.Parent(node, LeafCount);
            _hashes[node] = null;
        }
    }

    private bool HasNonBlank(uint node)
    {
        if (!IsBlank(node)) return true;
        if (TreeMath.IsLeaf(node)) return false;
        return HasNonBlank(TreeMath.Left(node)) || HasNonBlank(TreeMath.Right(node));
    }

    private void AddResolution(uint node, List<uint> result)
    {
        if (TreeMath.IsLeaf(node))
        {
            if (_leaves[node >> 1] is not null) result.Add(node);
            return;
        }
        if (_parents[node >> 1] is { } parent)
        {
            result.Add(node);
            foreach (var leaf in parent.UnmergedLeaves) result.Add(TreeMath.LeafToNode(leaf));
            return;
        }
        AddResolution(TreeMath.Left(node), result);
        AddResolution(TreeMath.Right(node), result);
    }

    private byte[] OriginalTreeHash(uint node, IReadOnlyList<uint> excludedLeaves)
    {
        var relevant = excludedLeaves.Where(l => TreeMath.IsInSubtree(node, TreeMath.LeafToNode(l))).ToList();
        return relevant.Count == 0 ? TreeHash(node) : TreeHashExcluding(node, relevant);
    }

    // Tree hash of the subtree as it was before the excluded leaves were added: they count as blank and are dropped
    // from unmerged-leaf lists.
    private byte[] TreeHashExcluding(uint node, List<uint> excluded)
    {
        var relevant = excluded.Where(l => TreeMath.IsInSubtree(node, TreeMath.LeafToNode(l))).ToList();
        if (relevant.Count == 0) return TreeHash(node);
        if (TreeMath.IsLeaf(node)) return LeafHash(node >> 1, null);
        var left = TreeHashExcluding(TreeMath.Left(node), relevant);
        var right = TreeHashExcluding(TreeMath.Right(node), relevant);
        var parent = _parents[node >> 1];
        if (parent is null) return ParentTreeHash(null, left, right);
        var original = parent with { UnmergedLeaves = parent.UnmergedLeaves.Where(l => !relevant.Contains(l)).ToList() };
        return ParentTreeHash(original.ToBytes(), left, right);
    }

    // TreeHashInput for a leaf: node type, leaf index, optional<LeafNode> (given as its encoding).
    private byte[] LeafHash(uint leafIndex, byte[]? leafEncoding)
    {
        var writer = new TlsWriter(8 + (leafEncoding?.Length ?? 0));
        writer.WriteUInt8((byte)NodeType.Leaf);
        writer.WriteUInt32(leafIndex);
        writer.WritePresence(leafEncoding is not null);
        if (leafEncoding is not null) writer.WriteFixed(leafEncoding);
        return Suite.Hash(writer.WrittenSpan);
    }

    // TreeHashInput for a parent: node type, optional<ParentNode> (given as its encoding), left and right hashes.
    private byte[] ParentTreeHash(byte[]? parentEncoding, byte[] left, byte[] right)
    {
        var writer = new TlsWriter(8 + (parentEncoding?.Length ?? 0) + left.Length + right.Length);
        writer.WriteUInt8((byte)NodeType.Parent);
        writer.WritePresence(parentEncoding is not null);
        if (parentEncoding is not null) writer.WriteFixed(parentEncoding);
        writer.WriteOpaque(left);
        writer.WriteOpaque(right);
        return Suite.Hash(writer.WrittenSpan);
    }
}
