using System.Buffers.Binary;
using System.Security.Cryptography;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Encoding;

namespace Harmony.Core.Protocol;

/// <summary>
/// The binary form of an <see cref="Envelope"/>, specified in docs/protocol.md:
/// <c>body = u8 version ‖ str channel ‖ str author ‖ u64 lamport ‖ u8 kind ‖ i64 createdAtMs ‖ opt thread ‖ opt replyTo ‖
/// opt target ‖ bytes ciphertext</c> (integers big-endian; <c>str</c>/<c>bytes</c> = u32 length ‖ data, strings UTF-8;
/// <c>opt</c> = u8 0, or u8 1 ‖ str). The signature is Ed25519 over <c>"harmony.envelope.v1" ‖ 0x00 ‖ body</c>,
/// the id is base64url(SHA-256(those same bytes)), and the encoded envelope is <c>body ‖ signature(64)</c>.
/// </summary>
public static class EnvelopeCodec
{
    private static readonly byte[] Domain = "harmony.envelope.v1\0"u8.ToArray();

    /// <summary>The domain-separated bytes that are signed and hashed.</summary>
    public static byte[] SigningBytes(Envelope envelope)
    {
        var body = Body(envelope);
        var bytes = new byte[Domain.Length + body.Length];
        Domain.CopyTo(bytes, 0);
        body.CopyTo(bytes, Domain.Length);
        return bytes;
    }

    /// <summary>Signs <paramref name="envelope"/> with the author's key, returning it with <c>Signature</c> and <c>Id</c> set.</summary>
    public static Envelope Sign(Envelope envelope, Ed25519KeyPair author)
    {
        if (DidKey.FromEd25519(author.PublicKey).Did != envelope.Author)
            throw new ProtocolException(ErrorCodes.InvalidEnvelope, "The signing key is not the envelope author's key.");
        var signing = SigningBytes(envelope);
        return envelope with { Signature = author.Sign(signing), Id = ComputeId(signing) };
    }

    /// <summary>Whether the signature is the author's (the author must be an Ed25519 did:key) and the id matches.</summary>
    public static bool Verify(Envelope envelope)
    {
        if (!DidKey.TryParse(envelope.Author, out var did, out _) || did!.KeyType != DidKeyType.Ed25519) return false;
        var signing = SigningBytes(envelope);
        return envelope.Id == ComputeId(signing) && did.Verify(signing, envelope.Signature);
    }

    /// <summary>Encodes a signed envelope.</summary>
    public static byte[] Encode(Envelope envelope)
    {
        if (envelope.Signature.Length != Ed25519.SignatureSize)
            throw new ProtocolException(ErrorCodes.InvalidEnvelope, "The envelope is not signed.");
        var body = Body(envelope);
        var bytes = new byte[body.Length + Ed25519.SignatureSize];
        body.CopyTo(bytes, 0);
        envelope.Signature.CopyTo(bytes, body.Length);
        return bytes;
    }

    /// <summary>Decodes an encoded envelope (without verifying its signature) and computes its id; throws <see cref="ProtocolException"/> on malformed input.</summary>
    public static Envelope Decode(ReadOnlySpan<byte> bytes, ProtocolLimits? limits = null)
    {
        limits ??= ProtocolLimits.Default;
        if (bytes.Length > limits.MaxEnvelopeBytes)
            throw new ProtocolException(ErrorCodes.TooLarge, $"Envelope of {bytes.Length} bytes exceeds the limit of {limits.MaxEnvelopeBytes}.");
        if (bytes.Length < Ed25519.SignatureSize + 1) throw Malformed("too short");
        var body = bytes[..^Ed25519.SignatureSize];
        var reader = new Reader(body, limits);
        var version = reader.U8();
        if (version != 1) throw Malformed($"unsupported version {version}");
        var envelope = new Envelope
        {
            Version = version,
            Channel = reader.Str(),
            Author = reader.Str(),
            Lamport = reader.U64(),
            Kind = ReadKind(reader.U8()),
            CreatedAtMs = reader.I64(),
            Thread = reader.OptStr(),
            ReplyTo = reader.OptStr(),
            Target = reader.OptStr(),
            Ciphertext = reader.Bytes(),
            Signature = bytes[^Ed25519.SignatureSize..].ToArray(),
        };
        if (!reader.AtEnd) throw Malformed("trailing bytes");
        var signing = new byte[Domain.Length + body.Length];
        Domain.CopyTo(signing, 0);
        body.CopyTo(signing.AsSpan(Domain.Length));
        return envelope with { Id = ComputeId(signing) };
    }

    private static EnvelopeKind ReadKind(byte value) =>
        Enum.IsDefined((EnvelopeKind)value) ? (EnvelopeKind)value : throw Malformed($"unknown kind {value}");

    private static string ComputeId(byte[] signingBytes) => Base64Url.Encode(SHA256.HashData(signingBytes));

    private static ProtocolException Malformed(string why) => new(ErrorCodes.InvalidEnvelope, "Malformed envelope: " + why + ".");

    private static byte[] Body(Envelope e)
    {
        using var ms = new MemoryStream(64 + e.Ciphertext.Length);
        Span<byte> n = stackalloc byte[8];
        ms.WriteByte(e.Version);
        WriteStr(ms, e.Channel);
        WriteStr(ms, e.Author);
        BinaryPrimitives.WriteUInt64BigEndian(n, e.Lamport);
        ms.Write(n);
        ms.WriteByte((byte)e.Kind);
        BinaryPrimitives.WriteInt64BigEndian(n, e.CreatedAtMs);
        ms.Write(n);
        WriteOpt(ms, e.Thread);
        WriteOpt(ms, e.ReplyTo);
        WriteOpt(ms, e.Target);
        WriteBytes(ms, e.Ciphertext);
        return ms.ToArray();
    }

    private static void WriteStr(MemoryStream ms, string s) => WriteBytes(ms, System.Text.Encoding.UTF8.GetBytes(s));

    private static void WriteOpt(MemoryStream ms, string? s)
    {
        if (s is null) { ms.WriteByte(0); return; }
        ms.WriteByte(1);
        WriteStr(ms, s);
    }

    private static void WriteBytes(MemoryStream ms, ReadOnlySpan<byte> data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(len, (uint)data.Length);
        ms.Write(len);
        ms.Write(data);
    }

    private ref struct Reader(ReadOnlySpan<byte> data, ProtocolLimits limits)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _pos;

        public readonly bool AtEnd => _pos == _data.Length;

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || _data.Length - _pos < count) throw Malformed("truncated");
            var span = _data.Slice(_pos, count);
            _pos += count;
            return span;
        }

        public byte U8() => Take(1)[0];

        public ulong U64() => BinaryPrimitives.ReadUInt64BigEndian(Take(8));

        public long I64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

        public byte[] Bytes()
        {
            var len = BinaryPrimitives.ReadUInt32BigEndian(Take(4));
            if (len > int.MaxValue) throw Malformed("length overflow");
            return Take((int)len).ToArray();
        }

        public string Str()
        {
            var len = BinaryPrimitives.ReadUInt32BigEndian(Take(4));
            if (len > (uint)limits.MaxIdentifierBytes) throw Malformed("identifier too long");
            var raw = Take((int)len);
            try { return new System.Text.UTF8Encoding(false, true).GetString(raw); }
            catch (ArgumentException) { throw Malformed("invalid UTF-8"); }
        }

        public string? OptStr() => U8() switch
        {
            0 => null,
            1 => Str(),
            _ => throw Malformed("bad optional flag"),
        };
    }
}
