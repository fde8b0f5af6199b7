using System.Text.Json;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Tree;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Mls;

public sealed class TreeMathTests(ITestOutputHelper output)
{
    [Fact]
    public void TreeMathVectors()
    {
        MlsVectorRun.ForEachCase(output, "tree-math.json", item =>
        {
            var n = item.GetProperty("n_leaves").GetUInt32();
            MlsVectorRun.Check(TreeMath.NodeWidth(n) == item.GetProperty("n_nodes").GetUInt32(), "n_nodes");
            var root = TreeMath.Root(n);
            MlsVectorRun.Check(root == item.GetProperty("root").GetUInt32(), "root");
            var left = item.GetProperty("left");
            var right = item.GetProperty("right");
            var parent = item.GetProperty("parent");
            var sibling = item.GetProperty("sibling");
            for (uint x = 0; x < TreeMath.NodeWidth(n); x++)
            {
                Expect(left[(int)x], () => TreeMath.Left(x), $"left({x})");
                Expect(right[(int)x], () => TreeMath.Right(x), $"right({x})");
                Expect(parent[(int)x], () => TreeMath.Parent(x, n), $"parent({x})");
                Expect(sibling[(int)x], () => TreeMath.Sibling(x, n), $"sibling({x})");
            }
        });
    }

    [Fact]
    public void DirectPathAndCopathOfFourLeafTree()
    {
        Assert.Equal([1u, 3u], TreeMath.DirectPath(0, 4));
        Assert.Equal([2u, 5u], TreeMath.Copath(0, 4));
        Assert.Equal([5u, 3u], TreeMath.DirectPath(6, 4));
        Assert.Equal([4u, 1u], TreeMath.Copath(6, 4));
        Assert.Empty(TreeMath.DirectPath(3, 4));
    }

    private static void Expect(JsonElement expected, Func<uint> actual, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            MlsVectorRun.Throws("mls.tree.math", () => actual());
            return;
        }
        var value = actual();
        MlsVectorRun.Check(value == expected.GetUInt32(), $"{what}: expected {expected.GetUInt32()} got {value}");
    }
}
