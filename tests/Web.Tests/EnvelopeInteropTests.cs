using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Identity;
using Harmony.Core.Protocol;
using Xunit;

namespace Harmony.Web.Tests;

/// <summary>Envelopes and invocations made by the web client verify with Harmony.Core, and Core's envelopes verify in the web client.</summary>
public sealed class EnvelopeInteropTests
{
    private static readonly byte[] Seed = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public static TheoryData<string?, string?, string?, long, string> Cases() => new()
    {
        { null, null, null, 1, "" },
        { "thread-root", "reply-id", null, -1, "00ff10" },
        { null, null, "target-ü-✓", long.MaxValue, new string('a', 2000) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Envelope_signed_in_the_browser_code_verifies_with_EnvelopeCodec(string? thread, string? replyTo, string? target, long createdAtMs, string ciphertextHex)
    {
        var answer = await WebInteropHarness.CallAsync(new JsonObject
        {
            ["op"] = "sign", ["seed"] = Convert.ToHexStringLower(Seed), ["channel"] = "channel-1", ["lamport"] = "18446744073709551615",
            ["kind"] = (int)EnvelopeKind.Edit, ["createdAtMs"] = createdAtMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["thread"] = thread, ["replyTo"] = replyTo, ["target"] = target, ["ciphertext"] = ciphertextHex,
        });
        var bytes = Convert.FromHexString((string)answer["encoded"]!);
        var envelope = EnvelopeCodec.Decode(bytes);
        Assert.True(EnvelopeCodec.Verify(envelope));
        Assert.Equal((string)answer["id"]!, envelope.Id);
        using var key = Ed25519KeyPair.FromSeed(Seed);
        Assert.Equal(DidKey.FromEd25519(key.PublicKey).Did, envelope.Author);
        Assert.Equal(ulong.MaxValue, envelope.Lamport);
        Assert.Equal(createdAtMs, envelope.CreatedAtMs);
        Assert.Equal(thread, envelope.Thread);
        Assert.Equal(replyTo, envelope.ReplyTo);
        Assert.Equal(target, envelope.Target);
        Assert.Equal(Convert.FromHexString(ciphertextHex), envelope.Ciphertext);
        // Ed25519 is deterministic: Core signing the same fields gives the same bytes.
        Assert.Equal(bytes, EnvelopeCodec.Encode(EnvelopeCodec.Sign(envelope with { Signature = [], Id = "" }, key)));
    }

    [Fact]
    public async Task Envelope_signed_by_Core_verifies_in_the_browser_code_and_tampering_is_caught()
    {
        using var key = Ed25519KeyPair.FromSeed(Seed);
        var envelope = EnvelopeCodec.Sign(new Envelope
        {
            Channel = "dm/ä", Author = DidKey.FromEd25519(key.PublicKey).Did, Lamport = 42, Kind = EnvelopeKind.ReactionAdd,
            CreatedAtMs = 1_700_000_000_000, Target = "msg", Ciphertext = [1, 2, 3],
        }, key);
        var encoded = EnvelopeCodec.Encode(envelope);
        var answer = await WebInteropHarness.CallAsync(new JsonObject { ["op"] = "decode", ["encoded"] = Convert.ToHexStringLower(encoded) });
        Assert.True((bool)answer["valid"]!);
        Assert.Equal(envelope.Id, (string)answer["id"]!);
        Assert.Equal("dm/ä", (string)answer["channel"]!);
        Assert.Equal("42", (string)answer["lamport"]!);
        Assert.Equal((int)EnvelopeKind.ReactionAdd, (int)answer["kind"]!);
        Assert.Equal("msg", (string)answer["target"]!);
        Assert.Null(answer["thread"]);
        Assert.Equal("010203", (string)answer["ciphertext"]!);

        encoded[^1] ^= 1;
        var tampered = await WebInteropHarness.CallAsync(new JsonObject { ["op"] = "decode", ["encoded"] = Convert.ToHexStringLower(encoded) });
        Assert.False((bool)tampered["valid"]!);
    }

    [Fact]
    public async Task Invocation_signed_in_the_browser_code_verifies_with_CapabilityVerifier()
    {
        var answer = await WebInteropHarness.CallAsync(new JsonObject { ["op"] = "invoke", ["seed"] = Convert.ToHexStringLower(Seed), ["community"] = "c1", ["name"] = "Ünïcode name" });
        var did = (string)answer["did"]!;
        var invocation = JsonNode.Parse((string)answer["invocation"]!)!.AsObject();
        var verified = await new CapabilityVerifier().VerifyInvocationAsync(invocation, new InvocationExpectation("Create", "urn:harmony:community:c1", did));
        Assert.Equal(InvocationTarget.RootCapabilityId("urn:harmony:community:c1"), verified.CapabilityId);
        Assert.Equal("Ünïcode name", (string)invocation["name"]!);
    }

    [Fact]
    public async Task Same_phrase_gives_the_same_DID_in_the_browser_code_and_Core()
    {
        const string phrase = "void come effort suffer camp survey warrior heavy shoot primary clutch crush open amazing screen patrol group space point ten exist slush involve unfold";
        var answer = await WebInteropHarness.CallAsync(new JsonObject { ["op"] = "did", ["phrase"] = phrase });
        using var identity = HarmonyIdentity.FromMnemonic(phrase);
        Assert.Equal(identity.Did.Did, (string)answer["did"]!);
    }
}
