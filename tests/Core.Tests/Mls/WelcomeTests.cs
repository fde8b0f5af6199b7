using Harmony.Core.Mls;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.KeySchedule;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Mls.Protection;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Mls;

public sealed class WelcomeTests(ITestOutputHelper output)
{
    [Fact]
    public void WelcomeVectors()
    {
        MlsVectorRun.ForEachSuiteCase(output, "welcome.json", (suite, item) =>
        {
            var keyPackageMessage = MlsMessage.Parse(item.Hex("key_package"));
            MlsVectorRun.Check(keyPackageMessage.WireFormat == WireFormat.KeyPackage, "key package wire format");
            var keyPackage = keyPackageMessage.KeyPackage!;
            MlsVectorRun.Check(keyPackage.VerifySignature(suite), "key package signature");
            MlsVectorRun.Check(keyPackage.LeafNode.VerifySignature(suite, null, 0), "leaf node signature");
            var welcomeMessage = MlsMessage.Parse(item.Hex("welcome"));
            MlsVectorRun.Equal("welcome re-encoding", item.Hex("welcome"), welcomeMessage.ToBytes());
            var welcome = welcomeMessage.Welcome!;

            var entry = WelcomeProtection.FindSecrets(welcome, keyPackage.Reference(suite));
            var secrets = WelcomeProtection.DecryptGroupSecrets(suite, welcome, entry, item.Hex("init_priv"));
            MlsVectorRun.Check(secrets.Psks.Count == 0, "no PSKs");
            var pskSecret = PskSecret.Compute(suite, []);
            var groupInfo = WelcomeProtection.DecryptGroupInfo(suite, welcome, WelcomeProtection.WelcomeSecret(suite, secrets.JoinerSecret, pskSecret));
            MlsVectorRun.Check(groupInfo.VerifySignature(suite, item.Hex("signer_pub")), "group info signature");

            var epoch = EpochSecrets.FromJoinerSecret(suite, secrets.JoinerSecret, pskSecret, groupInfo.GroupContext.ToBytes());
            MlsVectorRun.Check(suite.VerifyMac(epoch.ConfirmationKey, groupInfo.GroupContext.ConfirmedTranscriptHash, groupInfo.ConfirmationTag), "confirmation tag");
        });
    }

    [Fact]
    public void WelcomeForAnotherKeyPackageIsRejected()
    {
        using var doc = Vectors.Json("mls", "welcome.json");
        var item = doc.RootElement[0];
        var welcome = MlsMessage.Parse(item.Hex("welcome")).Welcome!;
        var ex = Assert.Throws<MlsException>(() => WelcomeProtection.FindSecrets(welcome, new byte[32]));
        Assert.Equal("mls.welcome.not_for_us", ex.Code);
    }
}
