using System.Text.Json.Nodes;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Xunit;

namespace Harmony.Web.Tests;

/// <summary>
/// The web client's channel groups (src/Web/src/mls, ts-mls with suite 3) and Harmony.Core.Mls share groups both
/// ways: the browser code creates a channel group and welcomes a Core member, and joins a group Core created. Every
/// leaf is signed with its member's DID key; the browser refuses a group with a leaf whose DID does not own its key.
/// </summary>
public sealed class MlsInteropTests
{
    private static readonly CipherSuite Suite = CipherSuite.FromId(3);

    private static string DidOf(Ed25519KeyPair key) => DidKey.FromEd25519(key.PublicKey).Did;

    /// <summary>A Core KeyPackage whose credential names <paramref name="did"/> and whose leaf is signed by <paramref name="key"/>.</summary>
    private static KeyPackageBundle Bundle(string did, Ed25519KeyPair key) =>
        KeyPackageBundle.Create(Suite, Credential.Basic(System.Text.Encoding.UTF8.GetBytes(did)), key.ExportSeed(), DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromDays(1));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [Fact]
    public async Task Browser_creates_the_channel_group_and_Core_joins_and_both_decrypt()
    {
        using var bobKey = Ed25519KeyPair.Generate();
        using var aliceKey = Ed25519KeyPair.Generate();
        var bundle = Bundle(DidOf(bobKey), bobKey);
        var keyPackage = new MlsMessage { WireFormat = WireFormat.KeyPackage, KeyPackage = bundle.KeyPackage }.ToBytes();

        var created = await WebInteropHarness.CallAsync(new JsonObject
        {
            ["op"] = "mls-create-add", ["channel"] = "channel-42", ["seed"] = Hex(aliceKey.ExportSeed()), ["keyPackage"] = Hex(keyPackage), ["text"] = "hello from the browser",
        });
        Assert.Equal([DidOf(aliceKey), DidOf(bobKey)], created["members"]!.AsArray().Select(n => (string)n!).ToArray());
        using var bob = MlsGroup.Join(MlsMessage.Parse(Convert.FromHexString((string)created["welcome"]!)).Welcome!, bundle);
        Assert.Equal("channel-42"u8.ToArray(), bob.GroupId);
        var received = bob.Process(MlsMessage.Parse(Convert.FromHexString((string)created["message"]!)));
        Assert.Equal("hello from the browser"u8.ToArray(), received.ApplicationData);

        var reply = bob.EncryptApplication("hello from Core"u8);
        var decrypted = await WebInteropHarness.CallAsync(new JsonObject
        {
            ["op"] = "mls-decrypt", ["channel"] = "channel-42", ["seed"] = Hex(aliceKey.ExportSeed()), ["kv"] = created["kv"]!.DeepClone(),
            ["messages"] = new JsonArray(Hex(reply.ToBytes())),
        });
        Assert.Equal("hello from Core", (string)decrypted["plaintexts"]![0]!);
    }

    [Fact]
    public async Task Browser_joins_a_group_Core_created_from_its_uploaded_KeyPackage_signed_with_its_DID_key()
    {
        using var carolKey = Ed25519KeyPair.Generate();
        var kp = await WebInteropHarness.CallAsync(new JsonObject { ["op"] = "mls-keypackage", ["seed"] = Hex(carolKey.ExportSeed()) });
        var carolPackage = MlsMessage.Parse(Convert.FromHexString((string)kp["keyPackage"]!)).KeyPackage!;
        // The browser's leaf signature key is its DID key, not a fresh one.
        Assert.Equal(carolKey.PublicKey.ToArray(), carolPackage.LeafNode.SignatureKey.ToArray());

        using var aliceKey = Ed25519KeyPair.Generate();
        using var alice = MlsGroup.Create(Suite, "channel-7"u8.ToArray(), Bundle(DidOf(aliceKey), aliceKey));
        var commit = alice.Commit([new AddProposal(carolPackage)]);
        alice.MergePendingCommit();
        var message = alice.EncryptApplication("welcome, carol"u8);

        var joined = await WebInteropHarness.CallAsync(new JsonObject
        {
            ["op"] = "mls-join-decrypt", ["channel"] = "channel-7", ["seed"] = Hex(carolKey.ExportSeed()), ["kv"] = kp["kv"]!.DeepClone(),
            ["welcome"] = Hex(commit.Welcome!.ToBytes()), ["messages"] = new JsonArray(Hex(message.ToBytes())),
        });
        Assert.True((bool)joined["joined"]!, (string?)joined["refused"]);
        Assert.Equal([DidOf(aliceKey), DidOf(carolKey)], joined["members"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Equal("welcome, carol", (string)joined["plaintexts"]![0]!);
    }

    [Fact]
    public async Task Browser_refuses_a_group_whose_creator_leaf_is_not_signed_with_the_key_of_its_DID()
    {
        using var carolKey = Ed25519KeyPair.Generate();
        var kp = await WebInteropHarness.CallAsync(new JsonObject { ["op"] = "mls-keypackage", ["seed"] = Hex(carolKey.ExportSeed()) });

        // Mallory claims Alice's DID but signs the leaf with her own key.
        using var aliceKey = Ed25519KeyPair.Generate();
        using var malloryKey = Ed25519KeyPair.Generate();
        using var mallory = MlsGroup.Create(Suite, "channel-9"u8.ToArray(), Bundle(DidOf(aliceKey), malloryKey));
        var commit = mallory.Commit([new AddProposal(MlsMessage.Parse(Convert.FromHexString((string)kp["keyPackage"]!)).KeyPackage!)]);
        mallory.MergePendingCommit();

        var joined = await WebInteropHarness.CallAsync(new JsonObject
        {
            ["op"] = "mls-join-decrypt", ["channel"] = "channel-9", ["seed"] = Hex(carolKey.ExportSeed()), ["kv"] = kp["kv"]!.DeepClone(),
            ["welcome"] = Hex(commit.Welcome!.ToBytes()), ["messages"] = new JsonArray(),
        });
        Assert.False((bool)joined["joined"]!);
        Assert.StartsWith("mls.credential", (string?)joined["refused"]);
    }
}
