using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.KeySchedule;

/// <summary>Confirmed and interim transcript hashes (RFC 9420 §8.2).</summary>
public static class TranscriptHash
{
    /// <summary>confirmed_transcript_hash_[n] = Hash(interim_[n-1] || ConfirmedTranscriptHashInput_[n]).</summary>
    public static byte[] Confirmed(CipherSuite suite, ReadOnlySpan<byte> interimBefore, AuthenticatedContent commit)
    {
        var input = commit.ConfirmedTranscriptHashInput();
        var buffer = new byte[interimBefore.Length + input.Length];
        interimBefore.CopyTo(buffer);
        input.CopyTo(buffer, interimBefore.Length);
        return suite.Hash(buffer);
    }

    /// <summary>interim_transcript_hash_[n] = Hash(confirmed_[n] || InterimTranscriptHashInput_[n]).</summary>
    public static byte[] Interim(CipherSuite suite, ReadOnlySpan<byte> confirmed, ReadOnlySpan<byte> confirmationTag)
    {
        var writer = new TlsWriter(confirmed.Length + confirmationTag.Length + 4);
        writer.WriteFixed(confirmed);
        writer.WriteOpaque(confirmationTag);
        return suite.Hash(writer.WrittenSpan);
    }
}
