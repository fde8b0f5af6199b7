using System.Buffers.Binary;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Harmony.Core.Mls.Crypto;

/// <summary>
/// HPKE base mode (RFC 9180) with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and the given AEAD, single-shot (sequence
/// number 0) as MLS uses it.
/// </summary>
public sealed class Hpke
{
    /// <summary>KEM identifier of DHKEM(X25519, HKDF-SHA256).</summary>
    public const ushort KemX25519 = 0x0020;

    /// <summary>KDF identifier of HKDF-SHA256.</summary>
    public const ushort KdfHkdfSha256 = 0x0001;

    /// <summary>Size of X25519 keys and of the KEM shared secret.</summary>
    public const int KeySize = 32;

    private static readonly byte[] Version = "HPKE-v1"u8.ToArray();
    private readonly byte[] _kemSuiteId;
    private readonly byte[] _hpkeSuiteId;

    /// <summary>Creates HPKE for the given AEAD.</summary>
    public Hpke(AeadAlgorithm aead)
    {
        Aead = aead;
        _kemSuiteId = [.. "KEM"u8, 0x00, 0x20];
        _hpkeSuiteId = new byte[10];
        "HPKE"u8.CopyTo(_hpkeSuiteId);
        BinaryPrimitives.WriteUInt16BigEndian(_hpkeSuiteId.AsSpan(4), KemX25519);
        BinaryPrimitives.WriteUInt16BigEndian(_hpkeSuiteId.AsSpan(6), KdfHkdfSha256);
        BinaryPrimitives.WriteUInt16BigEndian(_hpkeSuiteId.AsSpan(8), aead.Id);
    }

    /// <summary>The AEAD.</summary>
    public AeadAlgorithm Aead { get; }

    /// <summary>Generates a fresh key pair.</summary>
    public static HpkeKeyPair GenerateKeyPair()
    {
        var secret = RandomNumberGenerator.GetBytes(KeySize);
        return new HpkeKeyPair(secret, PublicKeyOf(secret));
    }

    /// <summary>DeriveKeyPair (RFC 9180 §7.1.3) for X25519.</summary>
    public HpkeKeyPair DeriveKeyPair(ReadOnlySpan<byte> ikm)
    {
        var prk = LabeledExtract(_kemSuiteId, [], "dkp_prk"u8, ikm);
        var secret = LabeledExpand(_kemSuiteId, prk, "sk"u8, [], KeySize);
        CryptographicOperations.ZeroMemory(prk);
        return new HpkeKeyPair(secret, PublicKeyOf(secret));
    }

    /// <summary>Computes the X25519 public key of <paramref name="privateKey"/>.</summary>
    public static byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey)
    {
        using var key = ImportPrivate(privateKey);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>SealBase with sequence number 0.</summary>
    public HpkeCiphertext Seal(ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        using var ephemeral = Key.Create(KeyAgreementAlgorithm.X25519);
        return SealWith(ephemeral, recipientPublicKey, info, aad, plaintext);
    }

    /// <summary>OpenBase with sequence number 0; throws <c>mls.hpke</c> or <c>mls.aead</c> on failure.</summary>
    public byte[] Open(ReadOnlySpan<byte> kemOutput, ReadOnlySpan<byte> recipientPrivateKey, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext)
    {
        if (kemOutput.Length != KeySize)
            throw new MlsException("mls.hpke", "HPKE encapsulated key has the wrong length.");
        using var recipient = ImportPrivate(recipientPrivateKey);
        var recipientPublic = recipient.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var dh = Dh(recipient, kemOutput);
        var shared = ExtractAndExpand(dh, kemOutput, recipientPublic);
        var (key, nonce) = KeySchedule(shared, info);
        try
        {
            return Aead.Open(key, nonce, aad, ciphertext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dh);
            CryptographicOperations.ZeroMemory(shared);
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// SetupBaseS followed by Export (RFC 9180 §5.3): returns the encapsulation and
    /// <paramref name="length"/> bytes exported under <paramref name="exporterContext"/>.
    /// </summary>
    public (byte[] KemOutput, byte[] Exported) SetupSenderAndExport(ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> info, ReadOnlySpan<byte> exporterContext, int length)
    {
        using var ephemeral = Key.Create(KeyAgreementAlgorithm.X25519);
        var enc = ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var dh = Dh(ephemeral, recipientPublicKey);
        var shared = ExtractAndExpand(dh, enc, recipientPublicKey);
        var exporter = ExporterSecret(shared, info);
        CryptographicOperations.ZeroMemory(dh);
        CryptographicOperations.ZeroMemory(shared);
        return (enc, LabeledExpand(_hpkeSuiteId, exporter, "sec"u8, exporterContext, length));
    }

    /// <summary>SetupBaseR followed by Export (RFC 9180 §5.3).</summary>
    public byte[] SetupReceiverAndExport(ReadOnlySpan<byte> kemOutput, ReadOnlySpan<byte> recipientPrivateKey, ReadOnlySpan<byte> info, ReadOnlySpan<byte> exporterContext, int length)
    {
        if (kemOutput.Length != KeySize)
            throw new MlsException("mls.hpke", "HPKE encapsulated key has the wrong length.");
        using var recipient = ImportPrivate(recipientPrivateKey);
        var recipientPublic = recipient.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var dh = Dh(recipient, kemOutput);
        var shared = ExtractAndExpand(dh, kemOutput, recipientPublic);
        var exporter = ExporterSecret(shared, info);
        CryptographicOperations.ZeroMemory(dh);
        CryptographicOperations.ZeroMemory(shared);
        return LabeledExpand(_hpkeSuiteId, exporter, "sec"u8, exporterContext, length);
    }

    // One scalar multiplication for the ephemeral public key (done when the key is created) and one for the DH.
    private HpkeCiphertext SealWith(Key ephemeral, ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        var enc = ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var dh = Dh(ephemeral, recipientPublicKey);
        var shared = ExtractAndExpand(dh, enc, recipientPublicKey);
        var (key, nonce) = KeySchedule(shared, info);
        try
        {
            return new HpkeCiphertext(enc, Aead.Seal(key, nonce, aad, plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dh);
            CryptographicOperations.ZeroMemory(shared);
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private byte[] ExtractAndExpand(byte[] dh, ReadOnlySpan<byte> enc, ReadOnlySpan<byte> recipientPublic)
    {
        var kemContext = new byte[enc.Length + recipientPublic.Length];
        enc.CopyTo(kemContext);
        recipientPublic.CopyTo(kemContext.AsSpan(enc.Length));
        var prk = LabeledExtract(_kemSuiteId, [], "eae_prk"u8, dh);
        var shared = LabeledExpand(_kemSuiteId, prk, "shared_secret"u8, kemContext, KeySize);
        CryptographicOperations.ZeroMemory(prk);
        return shared;
    }

    private (byte[] Key, byte[] Nonce) KeySchedule(byte[] sharedSecret, ReadOnlySpan<byte> info)
    {
        var (secret, context) = ScheduleSecret(sharedSecret, info);
        var key = LabeledExpand(_hpkeSuiteId, secret, "key"u8, context, Aead.KeySize);
        var nonce = LabeledExpand(_hpkeSuiteId, secret, "base_nonce"u8, context, AeadAlgorithm.NonceSize);
        CryptographicOperations.ZeroMemory(secret);
        return (key, nonce);
    }

    private byte[] ExporterSecret(byte[] sharedSecret, ReadOnlySpan<byte> info)
    {
        var (secret, context) = ScheduleSecret(sharedSecret, info);
        var exporter = LabeledExpand(_hpkeSuiteId, secret, "exp"u8, context, Hkdf.HashLength);
        CryptographicOperations.ZeroMemory(secret);
        return exporter;
    }

    private (byte[] Secret, byte[] Context) ScheduleSecret(byte[] sharedSecret, ReadOnlySpan<byte> info)
    {
        var pskIdHash = LabeledExtract(_hpkeSuiteId, [], "psk_id_hash"u8, []);
        var infoHash = LabeledExtract(_hpkeSuiteId, [], "info_hash"u8, info);
        var context = new byte[1 + pskIdHash.Length + infoHash.Length];
        context[0] = 0; // mode_base
        pskIdHash.CopyTo(context, 1);
        infoHash.CopyTo(context, 1 + pskIdHash.Length);
        return (LabeledExtract(_hpkeSuiteId, sharedSecret, "secret"u8, []), context);
    }

    private static byte[] LabeledExtract(byte[] suiteId, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> label, ReadOnlySpan<byte> ikm)
    {
        // HMAC over the concatenation, fed piecewise: the info can be a whole encrypted GroupInfo (MLS Welcome).
        using var hmac = System.Security.Cryptography.IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, salt);
        hmac.AppendData(Version);
        hmac.AppendData(suiteId);
        hmac.AppendData(label);
        hmac.AppendData(ikm);
        return hmac.GetHashAndReset();
    }

    private static byte[] LabeledExpand(byte[] suiteId, ReadOnlySpan<byte> prk, ReadOnlySpan<byte> label, ReadOnlySpan<byte> info, int length)
    {
        var input = new byte[2 + Version.Length + suiteId.Length + label.Length + info.Length];
        var span = input.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)length);
        Version.CopyTo(span[2..]);
        suiteId.CopyTo(span[(2 + Version.Length)..]);
        label.CopyTo(span[(2 + Version.Length + suiteId.Length)..]);
        info.CopyTo(span[(2 + Version.Length + suiteId.Length + label.Length)..]);
        return Hkdf.Expand(prk, input, length);
    }

    private static byte[] Dh(Key priv, ReadOnlySpan<byte> publicKey)
    {
        if (!NSec.Cryptography.PublicKey.TryImport(KeyAgreementAlgorithm.X25519, publicKey, KeyBlobFormat.RawPublicKey, out var pub) || pub is null)
            throw new MlsException("mls.hpke", "Invalid X25519 public key.");
        using var shared = KeyAgreementAlgorithm.X25519.Agree(priv, pub, new SharedSecretCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport })
            ?? throw new MlsException("mls.hpke", "X25519 produced an all-zero shared secret.");
        return shared.Export(SharedSecretBlobFormat.RawSharedSecret);
    }

    private static Key ImportPrivate(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != KeySize)
            throw new MlsException("mls.hpke", "An X25519 private key is 32 bytes.");
        if (!Key.TryImport(KeyAgreementAlgorithm.X25519, privateKey, KeyBlobFormat.RawPrivateKey, out var key) || key is null)
            throw new MlsException("mls.hpke", "Invalid X25519 private key.");
        return key;
    }
}
