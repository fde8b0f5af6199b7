using Harmony.Core.Mls;
using Harmony.Core.Mls.KeySchedule;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Mls;

public sealed class SecretTreeTests(ITestOutputHelper output)
{
    [Fact]
    public void SecretTreeVectors()
    {
        MlsVectorRun.ForEachSuiteCase(output, "secret-tree.json", (suite, item) =>
        {
            var senderData = item.GetProperty("sender_data");
            var (key, nonce) = SenderDataKeys.Derive(suite, senderData.Hex("sender_data_secret"), senderData.Hex("ciphertext"));
            MlsVectorRun.Equal("sender data key", senderData.Hex("key"), key);
            MlsVectorRun.Equal("sender data nonce", senderData.Hex("nonce"), nonce);

            var leaves = item.GetProperty("leaves");
            var tree = new SecretTree(suite, item.Hex("encryption_secret"), (uint)leaves.GetArrayLength());
            uint leaf = 0;
            foreach (var generations in leaves.EnumerateArray())
            {
                foreach (var g in generations.EnumerateArray())
                {
                    var generation = g.GetProperty("generation").GetUInt32();
                    var hs = tree.GetReceiveKey(leaf, RatchetType.Handshake, generation);
                    var app = tree.GetReceiveKey(leaf, RatchetType.Application, generation);
                    MlsVectorRun.Equal($"leaf {leaf} gen {generation} handshake key", g.Hex("handshake_key"), hs.Key);
                    MlsVectorRun.Equal($"leaf {leaf} gen {generation} handshake nonce", g.Hex("handshake_nonce"), hs.Nonce);
                    MlsVectorRun.Equal($"leaf {leaf} gen {generation} application key", g.Hex("application_key"), app.Key);
                    MlsVectorRun.Equal($"leaf {leaf} gen {generation} application nonce", g.Hex("application_nonce"), app.Nonce);
                }
                leaf++;
            }
        });
    }

    [Fact]
    public void KeysAreHandedOutOnceAndSkippedOnesRemainAvailable()
    {
        var suite = Harmony.Core.Mls.Crypto.CipherSuite.FromId(1);
        var secret = new byte[32];
        var sender = new SecretTree(suite, secret, 4);
        var receiver = new SecretTree(suite, secret, 4);
        var k0 = sender.NextSendKey(2, RatchetType.Application);
        var k1 = sender.NextSendKey(2, RatchetType.Application);
        Assert.Equal(k1.Key, receiver.GetReceiveKey(2, RatchetType.Application, 1).Key);
        Assert.Equal(k0.Key, receiver.GetReceiveKey(2, RatchetType.Application, 0).Key);
        var ex = Assert.Throws<MlsException>(() => receiver.GetReceiveKey(2, RatchetType.Application, 0));
        Assert.Equal("mls.secret_tree.generation", ex.Code);
        ex = Assert.Throws<MlsException>(() => receiver.GetReceiveKey(2, RatchetType.Application, 5000));
        Assert.Equal("mls.secret_tree.generation", ex.Code);
        ex = Assert.Throws<MlsException>(() => receiver.GetReceiveKey(4, RatchetType.Application, 0));
        Assert.Equal("mls.secret_tree.leaf", ex.Code);
    }
}
