using System.Security.Cryptography;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Protocol;

namespace Harmony.Bench.Cluster;

/// <summary>A member with an Ed25519 did:key who signs real envelopes.</summary>
internal sealed class Author
{
    private ulong _lamport;

    public Author() => Did = DidKey.FromEd25519(Key.PublicKey).Did;

    public Ed25519KeyPair Key { get; } = Ed25519KeyPair.Generate();

    public string Did { get; }

    /// <summary>A signed, encoded envelope with <paramref name="size"/> bytes of random ciphertext.</summary>
    public byte[] SignEnvelope(string channel, int size) =>
        EnvelopeCodec.Encode(EnvelopeCodec.Sign(new Envelope
        {
            Channel = channel,
            Author = Did,
            Lamport = Interlocked.Increment(ref _lamport),
            Kind = EnvelopeKind.Message,
            CreatedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            Ciphertext = RandomNumberGenerator.GetBytes(size),
        }, Key));
}
