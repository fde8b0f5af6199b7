using System.Text.Json;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Mls.Tree;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Mls;

public sealed class PassiveClientTests(ITestOutputHelper output)
{
    [Fact]
    public void PassiveClientWelcomeVectors() => MlsVectorRun.ForEachSuiteCase(output, "passive-client-welcome.json", Run);

    [Fact]
    public void PassiveClientHandlingCommitVectors() => MlsVectorRun.ForEachSuiteCase(output, "passive-client-handling-commit.json", Run);

    [Fact]
    public void PassiveClientRandomVectors() => MlsVectorRun.ForEachSuiteCase(output, "passive-client-random.json", Run);

    private static void Run(CipherSuite suite, JsonElement item)
    {
        var psks = new PskStore();
        foreach (var psk in item.GetProperty("external_psks").EnumerateArray()) psks.Add(psk.Hex("psk_id"), psk.Hex("psk"));
        var options = new MlsGroupOptions { ExternalPsks = psks };

        var keyPackage = MlsMessage.Parse(item.Hex("key_package")).KeyPackage!;
        var bundle = new KeyPackageBundle(keyPackage, item.Hex("init_priv"), item.Hex("encryption_priv"), item.Hex("signature_priv"));
        RatchetTree? tree = item.GetProperty("ratchet_tree").ValueKind == JsonValueKind.Null ? null : RatchetTree.Parse(suite, item.Hex("ratchet_tree"));
        var welcome = MlsMessage.Parse(item.Hex("welcome")).Welcome!;

        var group = MlsGroup.Join(welcome, bundle, tree, options);
        MlsVectorRun.Equal("initial epoch authenticator", item.Hex("initial_epoch_authenticator"), group.EpochAuthenticator);

        var epoch = 0;
        foreach (var e in item.GetProperty("epochs").EnumerateArray())
        {
            foreach (var proposal in e.GetProperty("proposals").EnumerateArray())
                group.Process(MlsMessage.Parse(Convert.FromHexString(proposal.GetString()!)));
            var processed = group.Process(MlsMessage.Parse(e.Hex("commit")));
            MlsVectorRun.Check(processed.Kind == ProcessedMessageKind.Commit, "commit processed");
            MlsVectorRun.Equal($"epoch {epoch} authenticator", e.Hex("epoch_authenticator"), group.EpochAuthenticator);
            epoch++;
        }
    }
}
