using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Protocol;
using Xunit;

namespace Harmony.Core.Tests.Protocol;

public sealed class EnvelopeCodecTests
{
    private static readonly Ed25519KeyPair Alice = Ed25519KeyPair.FromSeed(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly Ed25519KeyPair Mallory = Ed25519KeyPair.FromSeed(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    private static Envelope Draft(string? target = null, EnvelopeKind kind = EnvelopeKind.Message) => new()
    {
        Channel = "ch-1",
        Author = DidKey.FromEd25519(Alice.PublicKey).Did,
        Lamport = 42,
        Kind = kind,
        CreatedAtMs = 1_700_000_000_000,
        ReplyTo = "reply-id",
        Target = target,
        Ciphertext = [1, 2, 3, 4, 5],
    };

    [Fact]
    public void Signed_envelope_round_trips_and_verifies()
    {
        var signed = EnvelopeCodec.Sign(Draft(), Alice);
        Assert.True(EnvelopeCodec.Verify(signed));
        var decoded = EnvelopeCodec.Decode(EnvelopeCodec.Encode(signed));
        Assert.Equal(signed.Id, decoded.Id);
        Assert.Equal(signed.Channel, decoded.Channel);
        Assert.Equal(signed.Author, decoded.Author);
        Assert.Equal(signed.Lamport, decoded.Lamport);
        Assert.Equal(signed.Kind, decoded.Kind);
        Assert.Equal(signed.CreatedAtMs, decoded.CreatedAtMs);
        Assert.Null(decoded.Thread);
        Assert.Equal("reply-id", decoded.ReplyTo);
        Assert.Equal(signed.Ciphertext, decoded.Ciphertext);
        Assert.True(EnvelopeCodec.Verify(decoded));
    }

    [Fact]
    public void Id_is_the_sha256_of_the_signing_bytes_and_stable_across_retries()
    {
        var a = EnvelopeCodec.Sign(Draft(), Alice);
        var b = EnvelopeCodec.Sign(Draft(), Alice);
        Assert.Equal(a.Id, b.Id);
        var expected = Harmony.Core.Encoding.Base64Url.Encode(System.Security.Cryptography.SHA256.HashData(EnvelopeCodec.SigningBytes(a)));
        Assert.Equal(expected, a.Id);
        Assert.NotEqual(a.Id, EnvelopeCodec.Sign(Draft() with { Lamport = 43 }, Alice).Id);
    }

    [Fact]
    public void Every_single_byte_change_is_detected()
    {
        var bytes = EnvelopeCodec.Encode(EnvelopeCodec.Sign(Draft(target: "t"), Alice));
        for (var i = 0; i < bytes.Length; i++)
        {
            var copy = (byte[])bytes.Clone();
            copy[i] ^= 0x01;
            try
            {
                Assert.False(EnvelopeCodec.Verify(EnvelopeCodec.Decode(copy)), $"byte {i} flipped still verifies");
            }
            catch (ProtocolException e)
            {
                Assert.Equal(ErrorCodes.InvalidEnvelope, e.Code);
            }
        }
    }

    [Fact]
    public void Signing_with_someone_elses_key_is_refused()
    {
        var e = Assert.Throws<ProtocolException>(() => EnvelopeCodec.Sign(Draft(), Mallory));
        Assert.Equal(ErrorCodes.InvalidEnvelope, e.Code);
        var forged = EnvelopeCodec.Sign(Draft() with { Author = DidKey.FromEd25519(Mallory.PublicKey).Did }, Mallory) with { Author = Draft().Author };
        Assert.False(EnvelopeCodec.Verify(forged));
    }

    [Fact]
    public void Malformed_input_gets_typed_errors()
    {
        var good = EnvelopeCodec.Encode(EnvelopeCodec.Sign(Draft(), Alice));
        Assert.Equal(ErrorCodes.InvalidEnvelope, Assert.Throws<ProtocolException>(() => EnvelopeCodec.Decode(good.AsSpan(0, 10))).Code);
        Assert.Equal(ErrorCodes.InvalidEnvelope, Assert.Throws<ProtocolException>(() => EnvelopeCodec.Decode([.. good[..^64], 0, .. good[^64..]])).Code);
        Assert.Equal(ErrorCodes.InvalidEnvelope, Assert.Throws<ProtocolException>(() => EnvelopeCodec.Decode(new byte[100])).Code);
        var big = EnvelopeCodec.Encode(EnvelopeCodec.Sign(Draft() with { Ciphertext = new byte[2000] }, Alice));
        Assert.Equal(ErrorCodes.TooLarge, Assert.Throws<ProtocolException>(() => EnvelopeCodec.Decode(big, new ProtocolLimits { MaxEnvelopeBytes = 1000 })).Code);
        var longId = EnvelopeCodec.Encode(EnvelopeCodec.Sign(Draft() with { Channel = new string('c', 600) }, Alice));
        Assert.Equal(ErrorCodes.InvalidEnvelope, Assert.Throws<ProtocolException>(() => EnvelopeCodec.Decode(longId)).Code);
    }
}
