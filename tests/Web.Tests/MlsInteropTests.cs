using System.Text.Json.Nodes;
using Harmony.Core.Crypto;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Xunit;

namespace Harmony.Web.Tests;

/// <summary>
/// The web client's channel groups (src/Web/src/mls, ts-mls with suite 3) and Harmony.Core.Mls share groups both
/// ways: the browser code creates a channel group and welcomes a Core member, and joins a group Core created.
/// </summary>
public sealed class MlsInteropTests
{
    private static readonly CipherSuite Suite = CipherSuite.FromId(3);

    private static KeyPackageBundle Bundle(string did, Ed25519KeyPair key) =>
        KeyPackageBundle.Create(Suite, Credential.Basic(System.Text.Encoding.UTF8.GetBytes(did)), key.ExportSeed(), DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromDays(1));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [Fact]
    public async Task Browser_creates_the_channel_group_and_Core_joins_and_both_decrypt()
    {
        using var key = Ed25519KeyPair.Generate();
        var bundle = Bundle("did:key:core-bob", key);
        var keyPackage = new MlsMessage { WireFormat = WireFormat.KeyPackage, KeyPackage = bundle.KeyPackage }.ToBytes();

        var created = await WebInteropHarness.CallAsync(new JsonObject
        {
            ["op"] = "mls-create-add", ["channel"] = "channel-42", ["did"] = "did:key:web-alice", ["keyPackage"] = Hex(keyPackage), ["text"] = "hello from the browser",
        });
        Assert.Equal(["did:key:web-alice", "did:key:core-bob"], created["members"]!.AsArray().Select(n => (string)n!).ToArray());
        using var bob = MlsGroup.Join(MlsMessage.Parse(Convert.FromHexString((string)created["welcome"]!)).Welcome!, bundle);
        Assert.Equal("channel-42"u8.ToArray(), bob.GroupId);
        var received = bob.Process(MlsMessage.Parse(Convert.FromHexString((string)created["message"]!)));
        Assert.Equal("hello from the browser"u8.ToArray(), received.ApplicationData);

        var reply = bob.EncryptApplication("hello from Core"u8);
        var decrypted = await WebInteropHarness.CallAsync(new JsonObject
        {
            ["op"] = "mls-decrypt", ["channel"] = "channel-42", ["kv"] = created["kv"]!.DeepClone(), ["messages"] = new JsonArray(Hex(reply.ToBytes())),
        });
        Assert.Equal("hello from Core", (string)decrypted["plaintexts"]![0]!);
    }

    [Fact]
    public async Task Browser_joins_a_group_Core_created_from_its_uploaded_KeyPackage()
    {
        var kp = await WebInteropHarness.CallAsync(new JsonObject { ["op"] = "mls-keypackage", ["did"] = "did:key:web-carol" });
        using var key = Ed25519KeyPair.Generate();
        using var alice = MlsGroup.Create(Suite, "channel-7"u8.ToArray(), Bundle("did:key:core-alice", key));
        var commit = alice.Commit([new AddProposal(MlsMessage.Parse(Convert.FromHexString((string)kp["keyPackage"]!)).KeyPackage!)]);
        alice.MergePendingCommit();
        var message = alice.EncryptApplication("welcome, carol"u8);

        var joined = await WebInteropHarness.CallAsync(new JsonObject
        {
            ["op"] = "mls-join-decrypt", ["channel"] = "channel-7", ["kv"] = kp["kv"]!.DeepClone(),
            ["welcome"] = Hex(commit.Welcome!.ToBytes()), ["messages"] = new JsonArray(Hex(message.ToBytes())),
        });
        Assert.True((bool)joined["joined"]!);
        Assert.Equal(["did:key:core-alice", "did:key:web-carol"], joined["members"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Equal("welcome, carol", (string)joined["plaintexts"]![0]!);
    }
}
