using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.KeySchedule;

/// <summary>Combines the PSKs of an epoch into psk_secret (RFC 9420 §8.4).</summary>
public static class PskSecret
{
    /// <summary>Computes psk_secret from PSK identifiers and values in order; all zeros when there are none.</summary>
    public static byte[] Compute(CipherSuite suite, IReadOnlyList<(PreSharedKeyId Id, byte[] Psk)> psks)
    {
        var secret = suite.Zero();
        for (var i = 0; i < psks.Count; i++)
        {
            var extracted = suite.Extract(suite.Zero(), psks[i].Psk);
            var label = new TlsWriter(128);
            psks[i].Id.Encode(label);
            label.WriteUInt16((ushort)i);
            label.WriteUInt16((ushort)psks.Count);
            var input = suite.ExpandWithLabel(extracted, "derived psk", label.WrittenSpan, suite.HashLength);
            secret = suite.Extract(input, secret);
        }
        return secret;
    }
}
