using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.KeySchedule;
using Harmony.Core.Mls.Messages;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Mls;

public sealed class PskAndTranscriptTests(ITestOutputHelper output)
{
    [Fact]
    public void PskSecretVectors()
    {
        MlsVectorRun.ForEachSuiteCase(output, "psk_secret.json", (suite, item) =>
        {
            var psks = item.GetProperty("psks").EnumerateArray()
                .Select(p => (new PreSharedKeyId { Type = PskType.External, PskId = p.Hex("psk_id"), PskNonce = p.Hex("psk_nonce") }, p.Hex("psk")))
                .ToList();
            MlsVectorRun.Equal("psk_secret", item.Hex("psk_secret"), PskSecret.Compute(suite, psks));
        });
    }

    [Fact]
    public void TranscriptHashVectors()
    {
        MlsVectorRun.ForEachSuiteCase(output, "transcript-hashes.json", (suite, item) =>
        {
            var bytes = item.Hex("authenticated_content");
            var content = MlsEncoding.Decode(bytes, AuthenticatedContent.Decode);
            MlsVectorRun.Equal("re-encoding", bytes, content.ToBytes());
            MlsVectorRun.Check(content.Content.ContentType == ContentType.Commit, "content is a commit");
            var confirmed = TranscriptHash.Confirmed(suite, item.Hex("interim_transcript_hash_before"), content);
            MlsVectorRun.Equal("confirmed_transcript_hash_after", item.Hex("confirmed_transcript_hash_after"), confirmed);
            MlsVectorRun.Check(suite.VerifyMac(item.Hex("confirmation_key"), confirmed, content.Auth.ConfirmationTag!), "confirmation tag verifies");
            MlsVectorRun.Equal("interim_transcript_hash_after", item.Hex("interim_transcript_hash_after"),
                TranscriptHash.Interim(suite, confirmed, content.Auth.ConfirmationTag!));
        });
    }
}
