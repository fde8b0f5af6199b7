using Harmony.Core.Mls.Crypto;

namespace Harmony.Core.Mls.KeySchedule;

/// <summary>Sender-data key and nonce derivation (RFC 9420 §6.3.2).</summary>
public static class SenderDataKeys
{
    /// <summary>Derives the key and nonce that protect the sender data of a PrivateMessage from its ciphertext sample.</summary>
    public static (byte[] Key, byte[] Nonce) Derive(CipherSuite suite, ReadOnlySpan<byte> senderDataSecret, ReadOnlySpan<byte> ciphertext)
    {
        var sample = ciphertext[..Math.Min(ciphertext.Length, suite.HashLength)];
        return (suite.ExpandWithLabel(senderDataSecret, "key", sample, suite.AeadKeyLength),
                suite.ExpandWithLabel(senderDataSecret, "nonce", sample, suite.AeadNonceLength));
    }
}
