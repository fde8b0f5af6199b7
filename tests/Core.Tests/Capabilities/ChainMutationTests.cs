using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Xunit;
using Xunit.Abstractions;
using static Harmony.Core.Tests.Capabilities.ZcapFixture;

namespace Harmony.Core.Tests.Capabilities;

/// <summary>No single changed value anywhere in a depth-3 chain (embedded parents included) is accepted.</summary>
public sealed class ChainMutationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_single_value_mutation_of_a_depth3_chain_is_refused()
    {
        using var f = new ZcapFixture();
        var d3 = f.Chain().D3;
        await f.Verifier().VerifyInvocationAsync(f.Invoke(d3, f.Carol), Expect(f));

        var paths = new List<int[]>();
        CollectLeaves(d3, [], paths);
        var accepted = new List<string>();
        var codes = new Dictionary<string, int>();
        foreach (var path in paths)
        {
            var mutated = (JsonObject)d3.DeepClone();
            var leaf = Navigate(mutated, path);
            leaf.ReplaceWith(Mutate(leaf));
            try
            {
                await f.Verifier().VerifyInvocationAsync(f.Invoke(mutated, f.Carol), Expect(f));
                accepted.Add(string.Join('/', path));
            }
            catch (CapabilityException e)
            {
                codes[e.Code] = codes.GetValueOrDefault(e.Code) + 1;
            }
        }
        output.WriteLine($"{paths.Count} mutations, {paths.Count - accepted.Count} refused: " + string.Join(", ", codes.Select(c => $"{c.Key}={c.Value}")));
        Assert.True(paths.Count > 50);
        Assert.Empty(accepted);
    }

    private static JsonNode Mutate(JsonNode leaf) =>
        leaf.GetValueKind() == System.Text.Json.JsonValueKind.String ? JsonValue.Create(leaf.GetValue<string>() + "x")! : JsonValue.Create("x")!;

    private static void CollectLeaves(JsonNode node, int[] path, List<int[]> paths)
    {
        switch (node)
        {
            case JsonObject o:
                var i = 0;
                foreach (var (_, value) in o) CollectLeaves(value!, [.. path, i++], paths);
                break;
            case JsonArray a:
                for (var j = 0; j < a.Count; j++) CollectLeaves(a[j]!, [.. path, j], paths);
                break;
            default:
                paths.Add(path);
                break;
        }
    }

    private static JsonNode Navigate(JsonNode node, int[] path)
    {
        foreach (var step in path)
            node = node is JsonObject o ? o.ElementAt(step).Value! : node.AsArray()[step]!;
        return node;
    }
}
