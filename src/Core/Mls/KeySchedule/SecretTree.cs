using System.Security.Cryptography;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Tree;

namespace Harmony.Core.Mls.KeySchedule;

/// <summary>
/// The secret tree of an epoch (RFC 9420 §9): derives per-leaf handshake and application ratchets from the epoch's
/// encryption secret. Node secrets are derived lazily down the path to a leaf and erased once both children exist, so
/// the cost of first use of a leaf is O(log n).
/// </summary>
public sealed class SecretTree
{
    private readonly CipherSuite _suite;
    private readonly MlsLimits _limits;
    private readonly uint _leafCount;
    private readonly Dictionary<uint, byte[]> _nodeSecrets = new();
    private readonly Dictionary<uint, (HashRatchet Handshake, HashRatchet Application)> _leaves = new();

    /// <summary>Creates the tree for <paramref name="leafCount"/> leaves rooted at <paramref name="encryptionSecret"/>.</summary>
    public SecretTree(CipherSuite suite, ReadOnlySpan<byte> encryptionSecret, uint leafCount, MlsLimits? limits = null)
    {
        if (leafCount == 0 || (leafCount & (leafCount - 1)) != 0)
            throw new MlsException("mls.secret_tree.size", "The leaf count must be a power of two.");
        _suite = suite;
        _limits = limits ?? MlsLimits.Default;
        _leafCount = leafCount;
        _nodeSecrets[TreeMath.Root(leafCount)] = encryptionSecret.ToArray();
    }

    private SecretTree(CipherSuite suite, uint leafCount, MlsLimits limits)
    {
        _suite = suite;
        _limits = limits;
        _leafCount = leafCount;
    }

    /// <summary>Number of leaves.</summary>
    public uint LeafCount => _leafCount;

    /// <summary>Key for the next message the local member sends with <paramref name="type"/>.</summary>
    public MessageKey NextSendKey(uint leafIndex, RatchetType type) => Ratchet(leafIndex, type).Next();

    /// <summary>Key for a received message of <paramref name="generation"/> from <paramref name="leafIndex"/>.</summary>
    public MessageKey GetReceiveKey(uint leafIndex, RatchetType type, uint generation) => Ratchet(leafIndex, type).Get(generation);

    private HashRatchet Ratchet(uint leafIndex, RatchetType type)
    {
        if (leafIndex >= _leafCount)
            throw new MlsException("mls.secret_tree.leaf", $"Leaf {leafIndex} is outside a tree of {_leafCount} leaves.");
        if (!_leaves.TryGetValue(leafIndex, out var pair))
        {
            var leafSecret = LeafSecret(leafIndex);
            pair = (new HashRatchet(_suite, _suite.ExpandWithLabel(leafSecret, "handshake", [], _suite.HashLength), _limits),
                    new HashRatchet(_suite, _suite.ExpandWithLabel(leafSecret, "application", [], _suite.HashLength), _limits));
            CryptographicOperations.ZeroMemory(leafSecret);
            _leaves[leafIndex] = pair;
        }
        return type == RatchetType.Handshake ? pair.Handshake : pair.Application;
    }

    private byte[] LeafSecret(uint leafIndex)
    {
        var target = TreeMath.LeafToNode(leafIndex);
        var path = TreeMath.DirectPath(target, _leafCount);
        // Find the lowest ancestor still holding a secret, then derive down towards the leaf.
        var start = -1;
        for (var i = 0; i < path.Count; i++)
        {
            if (_nodeSecrets.ContainsKey(path[i]))
            {
                start = i;
                break;
            }
        }
        if (_nodeSecrets.Remove(target, out var direct)) return direct;
        if (start < 0) throw new MlsException("mls.secret_tree.consumed", $"The secret of leaf {leafIndex} was already consumed.");
        var node = path[start];
        for (var i = start; ; i--)
        {
            _nodeSecrets.Remove(node, out var secret);
            var left = TreeMath.Left(node);
            var right = TreeMath.Right(node);
            _nodeSecrets[left] = _suite.ExpandWithLabel(secret!, "tree", "left"u8, _suite.HashLength);
            _nodeSecrets[right] = _suite.ExpandWithLabel(secret!, "tree", "right"u8, _suite.HashLength);
            CryptographicOperations.ZeroMemory(secret);
            node = i == 0 ? target : path[i - 1];
            if (i == 0) break;
        }
        _nodeSecrets.Remove(target, out var leafSecret);
        return leafSecret!;
    }

    /// <summary>Writes the remaining node secrets and ratchets for persistence (this is secret material).</summary>
    internal void Encode(TlsWriter writer)
    {
        writer.WriteUInt32(_leafCount);
        writer.WriteVector(_nodeSecrets.OrderBy(p => p.Key), (w, p) =>
        {
            w.WriteUInt32(p.Key);
            w.WriteOpaque(p.Value);
        });
        writer.WriteVector(_leaves.OrderBy(p => p.Key), (w, p) =>
        {
            w.WriteUInt32(p.Key);
            p.Value.Handshake.Encode(w);
            p.Value.Application.Encode(w);
        });
    }

    /// <summary>Restores a tree written by <see cref="Encode"/>.</summary>
    internal static SecretTree Decode(ref TlsReader reader, CipherSuite suite, MlsLimits limits)
    {
        var leafCount = reader.ReadUInt32();
        if (leafCount == 0 || (leafCount & (leafCount - 1)) != 0 || leafCount > (uint)limits.MaxTreeLeaves)
            throw new MlsException("mls.state.invalid", "Invalid secret tree size.");
        var tree = new SecretTree(suite, leafCount, limits);
        foreach (var (node, secret) in reader.ReadVector((ref TlsReader r) => (r.ReadUInt32(), r.ReadOpaque())))
            tree._nodeSecrets[node] = secret;
        var inner = reader.ReadVectorReader();
        while (!inner.IsEmpty)
        {
            var leaf = inner.ReadUInt32();
            var handshake = HashRatchet.Decode(ref inner, suite, limits);
            var application = HashRatchet.Decode(ref inner, suite, limits);
            tree._leaves[leaf] = (handshake, application);
        }
        return tree;
    }
}
