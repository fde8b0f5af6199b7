using System.Text.Json.Nodes;
using Harmony.Core.Credentials;
using Xunit;

namespace Harmony.Core.Tests.Credentials;

public sealed class JcsTests
{
    // RFC 8785 Appendix B: IEEE-754 bit patterns and their ECMAScript serializations.
    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void Numbers_follow_ecmascript(ulong bits, string expected) =>
        Assert.Equal(expected, Jcs.FormatNumber(BitConverter.UInt64BitsToDouble(bits)));

    [Fact]
    public void Members_are_sorted_by_utf16_code_units()
    {
        // RFC 8785 §3.2.3 sorting example: keys ordered by UTF-16 code units, not by code points or culture.
        var json = JsonNode.Parse("""{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}""");
        var keys = JsonNode.Parse(Jcs.Canonicalize(json))!.AsObject().Select(p => p.Key).ToArray();
        Assert.Equal(["\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"], keys);
    }

    [Fact]
    public void Strings_use_minimal_escapes()
    {
        var json = new JsonObject { ["s"] = "\u0000\u001f\"\\\b\f\n\r\t/\u00e9\u2028" };
        Assert.Equal("{\"s\":\"\\u0000\\u001f\\\"\\\\\\b\\f\\n\\r\\t/\u00e9\u2028\"}", Jcs.Canonicalize(json));
    }

    [Fact]
    public void Rfc8785_main_example()
    {
        var input = JsonNode.Parse("""
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """);
        Assert.Equal(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}",
            Jcs.Canonicalize(input));
    }

    [Fact]
    public void Numbers_built_in_code_canonicalize_like_parsed_ones()
    {
        var built = new JsonObject { ["i"] = 1, ["l"] = 9007199254740993L, ["d"] = 4.50, ["m"] = 0.1m, ["f"] = 1e21 };
        var parsed = JsonNode.Parse("""{"i":1,"l":9007199254740993,"d":4.50,"m":0.1,"f":1e21}""");
        Assert.Equal("""{"d":4.5,"f":1e+21,"i":1,"l":9007199254740992,"m":0.1}""", Jcs.Canonicalize(built));
        Assert.Equal(Jcs.Canonicalize(parsed), Jcs.Canonicalize(built));
    }

    [Fact]
    public void Excluding_a_member_equals_removing_it()
    {
        var doc = JsonNode.Parse("""{"b":1,"proof":{"x":2},"a":[true]}""")!.AsObject();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        Jcs.WriteExcluding(buffer, doc, "proof");
        Assert.Equal("""{"a":[true],"b":1}""", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Excessive_nesting_is_refused()
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < Jcs.MaxDepth + 2; i++) node = new JsonArray(node);
        var e = Assert.ThrowsAny<Harmony.Core.Errors.HarmonyException>(() => Jcs.Canonicalize(node));
        Assert.Equal("jcs.depth", e.Code);
    }
}
