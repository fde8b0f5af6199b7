using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.KeySchedule;
using Harmony.Core.Mls.Messages;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Mls;

public sealed class KeyScheduleTests(ITestOutputHelper output)
{
    [Fact]
    public void KeyScheduleVectors()
    {
        MlsVectorRun.ForEachSuiteCase(output, "key-schedule.json", (suite, item) =>
        {
            var groupId = item.Hex("group_id");
            var init = item.Hex("initial_init_secret");
            ulong epoch = 0;
            foreach (var e in item.GetProperty("epochs").EnumerateArray())
            {
                var context = new GroupContext(suite.Id, groupId, epoch, e.Hex("tree_hash"), e.Hex("confirmed_transcript_hash"), []);
                var contextBytes = context.ToBytes();
                MlsVectorRun.Equal($"epoch {epoch} group_context", e.Hex("group_context"), contextBytes);
                var s = EpochSecrets.Derive(suite, init, e.Hex("commit_secret"), e.Hex("psk_secret"), contextBytes);
                MlsVectorRun.Equal("joiner_secret", e.Hex("joiner_secret"), s.JoinerSecret);
                MlsVectorRun.Equal("welcome_secret", e.Hex("welcome_secret"), s.WelcomeSecret);
                MlsVectorRun.Equal("init_secret", e.Hex("init_secret"), s.InitSecret);
                MlsVectorRun.Equal("sender_data_secret", e.Hex("sender_data_secret"), s.SenderDataSecret);
                MlsVectorRun.Equal("encryption_secret", e.Hex("encryption_secret"), s.EncryptionSecret);
                MlsVectorRun.Equal("exporter_secret", e.Hex("exporter_secret"), s.ExporterSecret);
                MlsVectorRun.Equal("epoch_authenticator", e.Hex("epoch_authenticator"), s.EpochAuthenticator);
                MlsVectorRun.Equal("external_secret", e.Hex("external_secret"), s.ExternalSecret);
                MlsVectorRun.Equal("confirmation_key", e.Hex("confirmation_key"), s.ConfirmationKey);
                MlsVectorRun.Equal("membership_key", e.Hex("membership_key"), s.MembershipKey);
                MlsVectorRun.Equal("resumption_psk", e.Hex("resumption_psk"), s.ResumptionPsk);
                MlsVectorRun.Equal("external_pub", e.Hex("external_pub"), s.ExternalKeyPair().PublicKey);
                var exporter = e.GetProperty("exporter");
                // The generators pass the label's hex text itself as the exporter label.
                MlsVectorRun.Equal("exporter", exporter.Hex("secret"), s.Export(exporter.GetProperty("label").GetString()!, exporter.Hex("context"), exporter.GetProperty("length").GetInt32()));
                var fromJoiner = EpochSecrets.FromJoinerSecret(suite, s.JoinerSecret, e.Hex("psk_secret"), contextBytes);
                MlsVectorRun.Equal("epoch_authenticator via joiner", e.Hex("epoch_authenticator"), fromJoiner.EpochAuthenticator);
                init = s.InitSecret;
                epoch++;
            }
        });
    }
}
