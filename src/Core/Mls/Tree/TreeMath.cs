using System.Numerics;

namespace Harmony.Core.Mls.Tree;

/// <summary>
/// Array-based complete binary tree arithmetic (RFC 9420 §4.1, Appendix C). Leaves sit at even node indices, leaf
/// <c>i</c> at node <c>2i</c>; the number of leaves is always a power of two. All operations are O(log n).
/// </summary>
public static class TreeMath
{
    /// <summary>Level of node <paramref name="x"/>: the number of trailing one bits (leaves are level 0).</summary>
    public static int Level(uint x) => BitOperations.TrailingZeroCount(~x);

    /// <summary>Number of nodes in a tree with <paramref name="leafCount"/> leaves.</summary>
    public static uint NodeWidth(uint leafCount) => leafCount == 0 ? 0 : 2 * (leafCount - 1) + 1;

    /// <summary>Root node index of a tree with <paramref name="leafCount"/> leaves.</summary>
    public static uint Root(uint leafCount)
    {
        var width = NodeWidth(leafCount);
        return (1u << BitOperations.Log2(width)) - 1;
    }

    /// <summary>Node index of leaf <paramref name="leafIndex"/>.</summary>
    public static uint LeafToNode(uint leafIndex) => leafIndex * 2;

    /// <summary>Leaf index of the leaf node <paramref name="node"/>.</summary>
    public static uint NodeToLeaf(uint node) => node / 2;

    /// <summary>Whether <paramref name="node"/> is a leaf.</summary>
    public static bool IsLeaf(uint node) => (node & 1) == 0;

    /// <summary>Left child of the parent node <paramref name="x"/>.</summary>
    public static uint Left(uint x)
    {
        var k = Level(x);
        if (k == 0) throw new MlsException("mls.tree.math", "A leaf has no children.");
        return x ^ (1u << (k - 1));
    }

    /// <summary>Right child of the parent node <paramref name="x"/>.</summary>
    public static uint Right(uint x)
    {
        var k = Level(x);
        if (k == 0) throw new MlsException("mls.tree.math", "A leaf has no children.");
        return x ^ (3u << (k - 1));
    }

    /// <summary>Parent of <paramref name="x"/> in a tree with <paramref name="leafCount"/> leaves.</summary>
    public static uint Parent(uint x, uint leafCount)
    {
        if (x == Root(leafCount)) throw new MlsException("mls.tree.math", "The root has no parent.");
        var k = Level(x);
        var b = (x >> (k + 1)) & 1;
        return (x | (1u << k)) ^ (b << (k + 1));
    }

    /// <summary>The other child of <paramref name="x"/>'s parent.</summary>
    public static uint Sibling(uint x, uint leafCount)
    {
        var p = Parent(x, leafCount);
        return x < p ? Right(p) : Left(p);
    }

    /// <summary>Nodes from <paramref name="x"/>'s parent up to and including the root.</summary>
    public static List<uint> DirectPath(uint x, uint leafCount)
    {
        var root = Root(leafCount);
        var path = new List<uint>(BitOperations.Log2(Math.Max(leafCount, 1)) + 1);
        while (x != root)
        {
            x = Parent(x, leafCount);
            path.Add(x);
        }
        return path;
    }

    /// <summary>Siblings of <paramref name="x"/> and of each node of its direct path except the root.</summary>
    public static List<uint> Copath(uint x, uint leafCount)
    {
        var root = Root(leafCount);
        var copath = new List<uint>(BitOperations.Log2(Math.Max(leafCount, 1)) + 1);
        while (x != root)
        {
            copath.Add(Sibling(x, leafCount));
            x = Parent(x, leafCount);
        }
        return copath;
    }

    /// <summary>Whether <paramref name="descendant"/> lies in the subtree rooted at <paramref name="ancestor"/>.</summary>
    public static bool IsInSubtree(uint ancestor, uint descendant)
    {
        var k = Level(ancestor);
        return descendant >> (k + 1) == ancestor >> (k + 1);
    }
}
