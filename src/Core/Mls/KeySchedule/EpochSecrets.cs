using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;

namespace Harmony.Core.Mls.KeySchedule;

/// <summary>
/// The secrets of one epoch derived by the key schedule (RFC 9420 §8). Nothing secret is shown by <see cref="ToString"/>.
/// </summary>
public sealed class EpochSecrets
{
    private readonly CipherSuite _suite;

    private EpochSecrets(CipherSuite suite, byte[] joinerSecret, byte[] pskSecret, byte[] groupContext)
    {
        _suite = suite;
        JoinerSecret = joinerSecret;
        var memberSecret = suite.Extract(joinerSecret, pskSecret);
        WelcomeSecret = suite.DeriveSecret(memberSecret, "welcome");
        var epochSecret = suite.ExpandWithLabel(memberSecret, "epoch", groupContext, suite.HashLength);
        SenderDataSecret = suite.DeriveSecret(epochSecret, "sender data");
        EncryptionSecret = suite.DeriveSecret(epochSecret, "encryption");
        ExporterSecret = suite.DeriveSecret(epochSecret, "exporter");
        ExternalSecret = suite.DeriveSecret(epochSecret, "external");
        ConfirmationKey = suite.DeriveSecret(epochSecret, "confirm");
        MembershipKey = suite.DeriveSecret(epochSecret, "membership");
        ResumptionPsk = suite.DeriveSecret(epochSecret, "resumption");
        EpochAuthenticator = suite.DeriveSecret(epochSecret, "authentication");
        InitSecret = suite.DeriveSecret(epochSecret, "init");
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(memberSecret);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(epochSecret);
    }

    private EpochSecrets(CipherSuite suite, byte[][] values)
    {
        _suite = suite;
        JoinerSecret = values[0];
        WelcomeSecret = values[1];
        SenderDataSecret = values[2];
        EncryptionSecret = values[3];
        ExporterSecret = values[4];
        ExternalSecret = values[5];
        ConfirmationKey = values[6];
        MembershipKey = values[7];
        ResumptionPsk = values[8];
        EpochAuthenticator = values[9];
        InitSecret = values[10];
    }

    /// <summary>joiner_secret (input of the Welcome).</summary>
    public byte[] JoinerSecret { get; }

    /// <summary>welcome_secret.</summary>
    public byte[] WelcomeSecret { get; }

    /// <summary>sender_data_secret.</summary>
    public byte[] SenderDataSecret { get; }

    /// <summary>encryption_secret (root of the secret tree).</summary>
    public byte[] EncryptionSecret { get; }

    /// <summary>exporter_secret.</summary>
    public byte[] ExporterSecret { get; }

    /// <summary>external_secret.</summary>
    public byte[] ExternalSecret { get; }

    /// <summary>confirmation_key.</summary>
    public byte[] ConfirmationKey { get; }

    /// <summary>membership_key.</summary>
    public byte[] MembershipKey { get; }

    /// <summary>resumption_psk.</summary>
    public byte[] ResumptionPsk { get; }

    /// <summary>epoch_authenticator.</summary>
    public byte[] EpochAuthenticator { get; }

    /// <summary>init_secret of the next epoch.</summary>
    public byte[] InitSecret { get; }

    /// <summary>Runs the key schedule from the previous epoch's init secret and this epoch's commit secret.</summary>
    public static EpochSecrets Derive(CipherSuite suite, ReadOnlySpan<byte> initSecret, ReadOnlySpan<byte> commitSecret, byte[] pskSecret, byte[] groupContext)
    {
        var prk = suite.Extract(initSecret, commitSecret);
        var joiner = suite.ExpandWithLabel(prk, "joiner", groupContext, suite.HashLength);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(prk);
        return new EpochSecrets(suite, joiner, pskSecret, groupContext);
    }

    /// <summary>Runs the key schedule from a joiner secret (a new member processing a Welcome).</summary>
    public static EpochSecrets FromJoinerSecret(CipherSuite suite, byte[] joinerSecret, byte[] pskSecret, byte[] groupContext)
        => new(suite, joinerSecret, pskSecret, groupContext);

    /// <summary>Welcome key and nonce (RFC 9420 §12.4.3.1) from a welcome secret.</summary>
    public static (byte[] Key, byte[] Nonce) WelcomeKeyAndNonce(CipherSuite suite, byte[] welcomeSecret)
        => (suite.ExpandWithLabel(welcomeSecret, "key", [], suite.AeadKeyLength), suite.ExpandWithLabel(welcomeSecret, "nonce", [], suite.AeadNonceLength));

    /// <summary>MLS-Exporter(label, context, length) (RFC 9420 §8.5) with a byte-string label.</summary>
    public byte[] Export(ReadOnlySpan<byte> label, ReadOnlySpan<byte> context, int length)
    {
        var derived = _suite.ExpandWithLabel(ExporterSecret, label, [], _suite.HashLength);
        return _suite.ExpandWithLabel(derived, "exported", _suite.Hash(context), length);
    }

    /// <summary>MLS-Exporter with a text label.</summary>
    public byte[] Export(string label, ReadOnlySpan<byte> context, int length) => Export(System.Text.Encoding.UTF8.GetBytes(label), context, length);

    /// <summary>The external HPKE key pair derived from external_secret (RFC 9420 §8).</summary>
    public HpkeKeyPair ExternalKeyPair() => _suite.Hpke.DeriveKeyPair(ExternalSecret);

    /// <inheritdoc />
    public override string ToString() => "EpochSecrets(redacted)";

    /// <summary>Writes all secrets for persistence.</summary>
    internal void Encode(TlsWriter writer)
    {
        foreach (var value in new[] { JoinerSecret, WelcomeSecret, SenderDataSecret, EncryptionSecret, ExporterSecret, ExternalSecret, ConfirmationKey, MembershipKey, ResumptionPsk, EpochAuthenticator, InitSecret })
            writer.WriteOpaque(value);
    }

    /// <summary>Restores secrets written by <see cref="Encode"/>.</summary>
    internal static EpochSecrets Decode(ref TlsReader reader, CipherSuite suite)
    {
        var values = new byte[11][];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadOpaque();
        return new EpochSecrets(suite, values);
    }
}
