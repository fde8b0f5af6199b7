using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Tree;

/// <summary>
/// A member's private HPKE keys for its leaf and the parent nodes it knows on its direct path. Key material is never
/// shown by <see cref="ToString"/>.
/// </summary>
public sealed class TreePrivateKeys
{
    private readonly Dictionary<uint, byte[]> _keys;

    /// <summary>Creates the state for a member at <paramref name="leafIndex"/> holding its leaf private key.</summary>
    public TreePrivateKeys(uint leafIndex, byte[] leafPrivateKey)
    {
        LeafIndex = leafIndex;
        _keys = new Dictionary<uint, byte[]> { [TreeMath.LeafToNode(leafIndex)] = leafPrivateKey };
    }

    private TreePrivateKeys(uint leafIndex, Dictionary<uint, byte[]> keys)
    {
        LeafIndex = leafIndex;
        _keys = keys;
    }

    /// <summary>The member's leaf index.</summary>
    public uint LeafIndex { get; }

    /// <summary>Private key of node <paramref name="node"/>, or null.</summary>
    public byte[]? Get(uint node) => _keys.GetValueOrDefault(node);

    /// <summary>Stores the private key of node <paramref name="node"/>.</summary>
    public void Set(uint node, byte[] privateKey) => _keys[node] = privateKey;

    /// <summary>Forgets the private key of node <paramref name="node"/>.</summary>
    public void Remove(uint node) => _keys.Remove(node);

    /// <summary>Forgets keys of nodes that are blank or beyond <paramref name="tree"/> (after merges, removals or truncation).</summary>
    public void Prune(RatchetTree tree)
    {
        foreach (var node in _keys.Keys.ToList())
            if (node >= tree.NodeWidth || tree.IsBlank(node)) _keys.Remove(node);
    }

    /// <summary>An independent copy.</summary>
    public TreePrivateKeys Clone() => new(LeafIndex, new Dictionary<uint, byte[]>(_keys));

    /// <inheritdoc />
    public override string ToString() => $"TreePrivateKeys(leaf {LeafIndex}, {_keys.Count} keys)";

    /// <summary>Writes the keys for persistence (this is secret material).</summary>
    internal void Encode(TlsWriter writer)
    {
        writer.WriteUInt32(LeafIndex);
        writer.WriteVector(_keys.OrderBy(p => p.Key), (w, p) =>
        {
            w.WriteUInt32(p.Key);
            w.WriteOpaque(p.Value);
        });
    }

    /// <summary>Restores keys written by <see cref="Encode"/>.</summary>
    internal static TreePrivateKeys Decode(ref TlsReader reader)
    {
        var leaf = reader.ReadUInt32();
        var keys = new Dictionary<uint, byte[]>();
        foreach (var (node, key) in reader.ReadVector((ref TlsReader r) => (r.ReadUInt32(), r.ReadOpaque())))
            keys[node] = key;
        return new TreePrivateKeys(leaf, keys);
    }
}
