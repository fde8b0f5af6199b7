using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Xunit;

namespace Harmony.Core.Tests.Capabilities;

public sealed class InvocationTargetTests
{
    [Theory]
    [InlineData("https://h.example/c1", "https://h.example/c1", true, true)]
    [InlineData("https://h.example/c1/channels/x", "https://h.example/c1", true, true)]
    [InlineData("https://h.example/c1?channel=x", "https://h.example/c1", true, true)]
    [InlineData("https://h.example/c1?a=1&b=2", "https://h.example/c1?a=1", true, true)]
    [InlineData("https://h.example/c1?a=1/b", "https://h.example/c1?a=1", true, false)]
    [InlineData("https://h.example/c1?a=12", "https://h.example/c1?a=1", true, false)]
    [InlineData("https://h.example/c10", "https://h.example/c1", true, false)]
    [InlineData("https://h.example/c1#x", "https://h.example/c1", true, false)]
    [InlineData("https://h.example", "https://h.example/c1", true, false)]
    [InlineData("https://h.example/c1/channels/x", "https://h.example/c1", false, false)]
    [InlineData("https://h.example/c1", "https://h.example/c1", false, true)]
    public void IsWithin_follows_the_digitalbazaar_attenuation_rules(string target, string baseTarget, bool attenuate, bool expected) =>
        Assert.Equal(expected, InvocationTarget.IsWithin(target, baseTarget, attenuate));

    [Theory]
    [InlineData("https://h.example/c1", true)]
    [InlineData("https://h.example/.well-known/x", true)]
    [InlineData("https://h.example/a..b", true)]
    [InlineData("urn:harmony:c1", true)]
    [InlineData("https://h.example/c1/../c2", false)]
    [InlineData("https://h.example/c1/%2E%2E/c2", false)]
    [InlineData("https://h.example/c1/%2e/x", false)]
    [InlineData("https://h.example/c1/./x", false)]
    [InlineData("https://h.example/c1/..", false)]
    [InlineData("relative/path", false)]
    [InlineData("https://h.example/a b", false)]
    [InlineData("https://h.example/a\nb", false)]
    [InlineData("", false)]
    public void IsValid_rejects_relative_targets_whitespace_and_dot_segments(string target, bool expected) =>
        Assert.Equal(expected, InvocationTarget.IsValid(target));

    [Theory]
    [InlineData("example-05.json")]
    [InlineData("example-06.jsonc")]
    public void Root_capability_id_matches_the_spec_examples(string file)
    {
        var text = string.Join('\n', Vectors.Text("zcap", "spec-examples", file).Split('\n').Where(l => !l.TrimStart().StartsWith("//")));
        var example = JsonNode.Parse(text)!.AsObject();
        var target = example["invocationTarget"]!.GetValue<string>();
        Assert.Equal(example["id"]!.GetValue<string>(), InvocationTarget.RootCapabilityId(target));
    }

    [Theory]
    [InlineData("abcXYZ019-_.!~*'()", "abcXYZ019-_.!~*'()")]
    [InlineData("https://a/b?c=d&e", "https%3A%2F%2Fa%2Fb%3Fc%3Dd%26e")]
    [InlineData("caf\u00e9 \U0001F600", "caf%C3%A9%20%F0%9F%98%80")]
    [InlineData("#[]@$,;+=%", "%23%5B%5D%40%24%2C%3B%2B%3D%25")]
    public void EncodeUriComponent_matches_ecmascript(string input, string expected) =>
        Assert.Equal(expected, InvocationTarget.EncodeUriComponent(input));

    [Fact]
    public void EncodeUriComponent_rejects_a_lone_surrogate()
    {
        var e = Assert.Throws<CapabilityException>(() => InvocationTarget.EncodeUriComponent("a\ud800b"));
        Assert.Equal(CapabilityErrorCodes.Malformed, e.Code);
    }

    [Theory]
    [InlineData("urn:zcap:root:https%3A%2F%2Fexample.com%2Ffoo", true, "https://example.com/foo")]
    [InlineData("urn:zcap:root:https%3a%2f%2fexample.com%2ffoo", false, "")]
    [InlineData("urn:zcap:root:https://example.com/foo", false, "")]
    [InlineData("urn:zcap:root:https%3A%2F%2Fexample.com%2Fa%2F..%2Fb", false, "")]
    [InlineData("urn:zcap:https%3A%2F%2Fexample.com", false, "")]
    [InlineData("urn:zcap:root:", false, "")]
    public void Root_ids_parse_only_in_their_one_canonical_spelling(string id, bool ok, string target)
    {
        Assert.Equal(ok, InvocationTarget.TryParseRootCapabilityId(id, out var parsed));
        Assert.Equal(target, parsed);
    }
}
