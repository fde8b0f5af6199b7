using System.Security.Cryptography;
using Harmony.Core.Crypto;
using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Crypto;

/// <summary>
/// An MLS cipher suite (RFC 9420 §5.1) and the labeled primitives built on it: ExpandWithLabel, DeriveSecret,
/// DeriveTreeSecret, RefHash, SignWithLabel/VerifyWithLabel and EncryptWithLabel/DecryptWithLabel. Suites 1
/// (X25519, AES-128-GCM, SHA-256, Ed25519) and 3 (X25519, ChaCha20-Poly1305, SHA-256, Ed25519) are supported.
/// </summary>
public sealed class CipherSuite
{
    /// <summary>MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519.</summary>
    public static CipherSuite X25519Aes128GcmSha256Ed25519 { get; } = new(1, "MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519", AeadAlgorithm.Aes128Gcm);

    /// <summary>MLS_128_DHKEMX25519_CHACHA20POLY1305_SHA256_Ed25519.</summary>
    public static CipherSuite X25519ChaCha20Poly1305Sha256Ed25519 { get; } = new(3, "MLS_128_DHKEMX25519_CHACHA20POLY1305_SHA256_Ed25519", AeadAlgorithm.ChaCha20Poly1305);

    private static readonly byte[] LabelPrefix = "MLS 1.0 "u8.ToArray();

    private CipherSuite(ushort id, string name, AeadAlgorithm aead)
    {
        Id = id;
        Name = name;
        Aead = aead;
        Hpke = new Hpke(aead);
    }

    /// <summary>The IANA cipher-suite identifier.</summary>
    public ushort Id { get; }

    /// <summary>The IANA name.</summary>
    public string Name { get; }

    /// <summary>The AEAD used for message protection and HPKE.</summary>
    public AeadAlgorithm Aead { get; }

    /// <summary>HPKE with this suite's KEM, KDF and AEAD.</summary>
    public Hpke Hpke { get; }

    /// <summary>Hash and KDF output size (Nh).</summary>
    public int HashLength => Hkdf.HashLength;

    /// <summary>AEAD key size (Nk).</summary>
    public int AeadKeyLength => Aead.KeySize;

    /// <summary>AEAD nonce size (Nn).</summary>
    public int AeadNonceLength => AeadAlgorithm.NonceSize;

    /// <summary>Returns whether <paramref name="id"/> is a supported suite.</summary>
    public static bool IsSupported(ushort id) => id is 1 or 3;

    /// <summary>Returns the suite with identifier <paramref name="id"/>; throws <c>mls.cipher_suite</c> for unsupported ones.</summary>
    public static CipherSuite FromId(ushort id) => id switch
    {
        1 => X25519Aes128GcmSha256Ed25519,
        3 => X25519ChaCha20Poly1305Sha256Ed25519,
        _ => throw new MlsException("mls.cipher_suite", $"Cipher suite {id} is not supported."),
    };

    /// <summary>SHA-256 of <paramref name="data"/>.</summary>
    public byte[] Hash(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    /// <summary>HMAC-SHA256.</summary>
    public byte[] Mac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data) => HMACSHA256.HashData(key, data);

    /// <summary>Constant-time verification of an HMAC-SHA256 tag.</summary>
    public bool VerifyMac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> tag)
    {
        Span<byte> expected = stackalloc byte[HashLength];
        HMACSHA256.HashData(key, data, expected);
        return tag.Length == HashLength && CryptographicOperations.FixedTimeEquals(expected, tag);
    }

    /// <summary>KDF.Extract.</summary>
    public byte[] Extract(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> ikm) => Hkdf.Extract(salt, ikm);

    /// <summary>KDF.Expand.</summary>
    public byte[] Expand(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> info, int length) => Hkdf.Expand(secret, info, length);

    /// <summary>A string of Nh zero bytes (the "0" of the key schedule).</summary>
    public byte[] Zero() => new byte[HashLength];

    /// <summary>ExpandWithLabel(secret, label, context, length) with the "MLS 1.0 " label prefix (RFC 9420 §5.1.3).</summary>
    public byte[] ExpandWithLabel(ReadOnlySpan<byte> secret, string label, ReadOnlySpan<byte> context, int length)
    {
        var writer = new TlsWriter(64 + context.Length);
        writer.WriteUInt16((ushort)length);
        WritePrefixedLabel(writer, label);
        writer.WriteOpaque(context);
        return Hkdf.Expand(secret, writer.WrittenSpan, length);
    }

    /// <summary>ExpandWithLabel with a label given as raw bytes (exporter labels are arbitrary byte strings).</summary>
    public byte[] ExpandWithLabel(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> label, ReadOnlySpan<byte> context, int length)
    {
        var writer = new TlsWriter(64 + label.Length + context.Length);
        writer.WriteUInt16((ushort)length);
        writer.WriteVarInt(LabelPrefix.Length + label.Length);
        writer.WriteFixed(LabelPrefix);
        writer.WriteFixed(label);
        writer.WriteOpaque(context);
        return Hkdf.Expand(secret, writer.WrittenSpan, length);
    }

    /// <summary>DeriveSecret(secret, label) = ExpandWithLabel(secret, label, "", Nh).</summary>
    public byte[] DeriveSecret(ReadOnlySpan<byte> secret, string label) => ExpandWithLabel(secret, label, [], HashLength);

    /// <summary>DeriveTreeSecret(secret, label, generation, length) (RFC 9420 §9).</summary>
    public byte[] DeriveTreeSecret(ReadOnlySpan<byte> secret, string label, uint generation, int length)
    {
        Span<byte> context = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(context, generation);
        return ExpandWithLabel(secret, label, context, length);
    }

    /// <summary>RefHash(label, value) = Hash(RefHashInput) (RFC 9420 §5.2); <paramref name="label"/> is used as given.</summary>
    public byte[] RefHash(ReadOnlySpan<byte> label, ReadOnlySpan<byte> value)
    {
        var writer = new TlsWriter(label.Length + value.Length + 8);
        writer.WriteOpaque(label);
        writer.WriteOpaque(value);
        return Hash(writer.WrittenSpan);
    }

    /// <summary>RefHash with a text label.</summary>
    public byte[] RefHash(string label, ReadOnlySpan<byte> value) => RefHash(System.Text.Encoding.ASCII.GetBytes(label), value);

    /// <summary>SignWithLabel (RFC 9420 §5.1.2) with an Ed25519 private seed.</summary>
    public byte[] SignWithLabel(ReadOnlySpan<byte> signaturePrivateKey, string label, ReadOnlySpan<byte> content)
    {
        using var key = Ed25519KeyPair.FromSeed(signaturePrivateKey);
        return SignWithLabel(key, label, content);
    }

    /// <summary>SignWithLabel with an already imported Ed25519 key.</summary>
    public byte[] SignWithLabel(Ed25519KeyPair signer, string label, ReadOnlySpan<byte> content)
    {
        var tbs = LabeledContent(label, content);
        try { return signer.Sign(tbs.WrittenSpan); }
        finally { tbs.Return(); }
    }

    /// <summary>VerifyWithLabel (RFC 9420 §5.1.2) with an Ed25519 public key.</summary>
    public bool VerifyWithLabel(ReadOnlySpan<byte> signaturePublicKey, string label, ReadOnlySpan<byte> content, ReadOnlySpan<byte> signature)
    {
        var tbs = LabeledContent(label, content);
        try { return Ed25519.Verify(signaturePublicKey, tbs.WrittenSpan, signature); }
        finally { tbs.Return(); }
    }

    /// <summary>
    /// Writes the start of a SignContent (RFC 9420 §5.1.2), the prefixed label, so that a caller can encode the
    /// content right behind it (as a vector) and sign the writer's bytes without copying the content.
    /// </summary>
    internal static void WriteSignLabel(TlsWriter writer, string label) => WritePrefixedLabel(writer, label);

    /// <summary>Derives the Ed25519 public key of a private seed.</summary>
    public byte[] SignaturePublicKeyOf(ReadOnlySpan<byte> signaturePrivateKey)
    {
        using var key = Ed25519KeyPair.FromSeed(signaturePrivateKey);
        return key.PublicKey;
    }

    /// <summary>EncryptWithLabel (RFC 9420 §5.1.3): HPKE SealBase with an EncryptContext as info and empty AAD.</summary>
    public HpkeCiphertext EncryptWithLabel(ReadOnlySpan<byte> publicKey, string label, ReadOnlySpan<byte> context, ReadOnlySpan<byte> plaintext)
    {
        var info = LabeledContent(label, context);
        try { return Hpke.Seal(publicKey, info.WrittenSpan, [], plaintext); }
        finally { info.Return(); }
    }

    /// <summary>DecryptWithLabel (RFC 9420 §5.1.3).</summary>
    public byte[] DecryptWithLabel(ReadOnlySpan<byte> privateKey, string label, ReadOnlySpan<byte> context, ReadOnlySpan<byte> kemOutput, ReadOnlySpan<byte> ciphertext)
    {
        var info = LabeledContent(label, context);
        try { return Hpke.Open(kemOutput, privateKey, info.WrittenSpan, [], ciphertext); }
        finally { info.Return(); }
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    // SignContent / EncryptContext: opaque label<V> = "MLS 1.0 " + label; opaque content<V>. A pooled temporary
    // (contents can be whole ratchet trees); the caller returns it.
    private static TlsWriter LabeledContent(string label, ReadOnlySpan<byte> content)
    {
        var writer = TlsWriter.Rent(LabelPrefix.Length + label.Length + content.Length + 8);
        WritePrefixedLabel(writer, label);
        writer.WriteOpaque(content);
        return writer;
    }

    private static void WritePrefixedLabel(TlsWriter writer, string label)
    {
        var count = System.Text.Encoding.ASCII.GetByteCount(label);
        writer.WriteVarInt(LabelPrefix.Length + count);
        writer.WriteFixed(LabelPrefix);
        Span<byte> bytes = count <= 128 ? stackalloc byte[count] : new byte[count];
        System.Text.Encoding.ASCII.GetBytes(label, bytes);
        writer.WriteFixed(bytes);
    }
}
