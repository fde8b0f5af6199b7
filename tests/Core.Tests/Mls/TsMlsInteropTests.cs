using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Crypto;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Tests.Interop;
using Xunit;

namespace Harmony.Core.Tests.Mls;

/// <summary>
/// Interoperability with ts-mls 1.6.4 (tests/Interop/mls-ts): ts-mls creates a group and welcomes a Harmony member,
/// the Harmony member commits a path update that adds a ts-mls member and later removes the creator, and the ts-mls
/// member commits its own path; both sides must agree on epoch authenticators and exporter output and decrypt each
/// other's application messages.
/// </summary>
public sealed class TsMlsInteropTests
{
    [Theory]
    [InlineData((ushort)1)]
    [InlineData((ushort)3)]
    public async Task HarmonyAndTsMlsShareAGroup(ushort suiteId)
    {
        var suite = CipherSuite.FromId(suiteId);
        using var key = Ed25519KeyPair.Generate();
        var bobBundle = KeyPackageBundle.Create(suite, Credential.Basic("harmony-bob"u8.ToArray()), key.ExportSeed(), DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromDays(1));
        var bobKeyPackage = new MlsMessage { WireFormat = WireFormat.KeyPackage, KeyPackage = bobBundle.KeyPackage }.ToBytes();

        // ts-mls Alice creates the group, adds Bob and sends a message.
        var created = await Run("create-and-add", new JsonObject
        {
            ["suite"] = suiteId,
            ["groupId"] = "interop-group",
            ["keyPackage"] = Hex(bobKeyPackage),
            ["text"] = "hello from ts-mls",
        });
        using var bob = MlsGroup.Join(MlsMessage.Parse(FromHex(created, "welcome")).Welcome!, bobBundle);
        Assert.Equal(FromHex(created, "epochAuthenticator"), bob.EpochAuthenticator);
        Assert.Equal(FromHex(created, "exported"), bob.Export("harmony interop", "ctx"u8, 32));
        var received = bob.Process(MlsMessage.Parse(FromHex(created, "message")));
        Assert.Equal("hello from ts-mls"u8.ToArray(), received.ApplicationData);

        // Harmony Bob adds ts-mls Carol with a fresh UpdatePath and replies.
        var carol = await Run("keypackage", new JsonObject { ["suite"] = suiteId, ["name"] = "ts-carol" });
        var carolKeyPackage = MlsMessage.Parse(FromHex(carol, "keyPackage")).KeyPackage!;
        var commit = bob.Commit([new AddProposal(carolKeyPackage)], forceUpdatePath: true);
        bob.MergePendingCommit();
        var reply = bob.EncryptApplication("hello from harmony"u8);

        var alice = await Run("process", new JsonObject
        {
            ["suite"] = suiteId,
            ["state"] = created.GetProperty("state").GetString(),
            ["messages"] = new JsonArray(Hex(commit.Commit.ToBytes()), Hex(reply.ToBytes())),
        });
        Assert.Equal(bob.EpochAuthenticator, FromHex(alice, "epochAuthenticator"));
        Assert.Equal(bob.Export("harmony interop", "ctx"u8, 32), FromHex(alice, "exported"));
        Assert.Equal("hello from harmony", alice.GetProperty("plaintexts")[0].GetString());

        var joined = await Run("join", new JsonObject
        {
            ["suite"] = suiteId,
            ["keyPackage"] = carol.GetProperty("keyPackage").GetString(),
            ["initPrivateKey"] = carol.GetProperty("initPrivateKey").GetString(),
            ["hpkePrivateKey"] = carol.GetProperty("hpkePrivateKey").GetString(),
            ["signaturePrivateKey"] = carol.GetProperty("signaturePrivateKey").GetString(),
            ["welcome"] = Hex(commit.Welcome!.ToBytes()),
        });
        Assert.Equal(bob.EpochAuthenticator, FromHex(joined, "epochAuthenticator"));

        // Harmony Bob removes ts-mls Alice; ts-mls Carol follows.
        var remove = bob.Commit([new RemoveProposal(0)]);
        bob.MergePendingCommit();
        var afterRemove = await Run("process", new JsonObject
        {
            ["suite"] = suiteId,
            ["state"] = joined.GetProperty("state").GetString(),
            ["messages"] = new JsonArray(Hex(remove.Commit.ToBytes()), Hex(bob.EncryptApplication("alice is gone"u8).ToBytes())),
        });
        Assert.Equal(bob.EpochAuthenticator, FromHex(afterRemove, "epochAuthenticator"));
        Assert.Equal("alice is gone", afterRemove.GetProperty("plaintexts")[0].GetString());

        // ts-mls Carol commits her own path (as a PrivateMessage) and writes; Harmony Bob follows.
        var carolCommit = await Run("commit-and-send", new JsonObject
        {
            ["suite"] = suiteId,
            ["state"] = afterRemove.GetProperty("state").GetString(),
            ["text"] = "bye from ts-mls",
        });
        Assert.Equal(ProcessedMessageKind.Commit, bob.Process(MlsMessage.Parse(FromHex(carolCommit, "commit"))).Kind);
        Assert.Equal(FromHex(carolCommit, "epochAuthenticator"), bob.EpochAuthenticator);
        Assert.Equal("bye from ts-mls"u8.ToArray(), bob.Process(MlsMessage.Parse(FromHex(carolCommit, "message"))).ApplicationData);
        Assert.Equal(2, bob.Members.Count);
    }

    private static async Task<JsonElement> Run(string command, JsonObject request)
    {
        var stdout = await NodeRunner.RunAsync("mls-ts", "mls.mjs", request.ToJsonString(), command);
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] FromHex(JsonElement e, string name) => Convert.FromHexString(e.GetProperty(name).GetString()!);
}
