using System.Security.Cryptography;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;

namespace Harmony.Core.Mls.KeySchedule;

/// <summary>
/// One symmetric hash ratchet (RFC 9420 §9.1). Past secrets are erased as the ratchet advances; keys of skipped
/// generations are retained (bounded) so out-of-order messages can still be decrypted once.
/// </summary>
internal sealed class HashRatchet
{
    private readonly CipherSuite _suite;
    private readonly MlsLimits _limits;
    private readonly Dictionary<uint, MessageKey> _skipped = new();
    private byte[] _secret;
    private uint _generation;

    public HashRatchet(CipherSuite suite, byte[] secret, MlsLimits limits)
    {
        _suite = suite;
        _secret = secret;
        _limits = limits;
    }

    /// <summary>Next generation the ratchet would hand out.</summary>
    public uint Generation => _generation;

    /// <summary>Returns the key of the current generation and advances (sending side).</summary>
    public MessageKey Next()
    {
        if (_generation == uint.MaxValue)
            throw new MlsException("mls.secret_tree.exhausted", "The ratchet has reached its last generation.");
        var key = Derive(_generation);
        Advance();
        return key;
    }

    /// <summary>Returns the key for <paramref name="generation"/> (receiving side); each key is handed out once.</summary>
    public MessageKey Get(uint generation)
    {
        if (generation < _generation)
        {
            if (_skipped.Remove(generation, out var old)) return old;
            throw new MlsException("mls.secret_tree.generation", $"Key for generation {generation} was already used or discarded.");
        }
        if (generation - _generation > _limits.MaxGenerationGap)
            throw new MlsException("mls.secret_tree.generation", $"Generation {generation} is too far ahead of {_generation}.");
        while (_generation < generation)
        {
            var skipped = Derive(_generation);
            if (_limits.MaxRetainedKeysPerSender > 0)
            {
                if (_skipped.Count >= _limits.MaxRetainedKeysPerSender) _skipped.Remove(_skipped.Keys.Min());
                _skipped[skipped.Generation] = skipped;
            }
            Advance();
        }
        return Next();
    }

    private MessageKey Derive(uint generation) => new(
        generation,
        _suite.DeriveTreeSecret(_secret, "key", generation, _suite.AeadKeyLength),
        _suite.DeriveTreeSecret(_secret, "nonce", generation, _suite.AeadNonceLength));

    private void Advance()
    {
        var next = _suite.DeriveTreeSecret(_secret, "secret", _generation, _suite.HashLength);
        CryptographicOperations.ZeroMemory(_secret);
        _secret = next;
        _generation++;
    }

    /// <summary>Writes the ratchet state (current secret, generation, retained keys) for persistence.</summary>
    public void Encode(TlsWriter writer)
    {
        writer.WriteOpaque(_secret);
        writer.WriteUInt32(_generation);
        writer.WriteVector(_skipped.Values.OrderBy(k => k.Generation), (w, k) =>
        {
            w.WriteUInt32(k.Generation);
            w.WriteOpaque(k.Key);
            w.WriteOpaque(k.Nonce);
        });
    }

    /// <summary>Restores a ratchet written by <see cref="Encode"/>.</summary>
    public static HashRatchet Decode(ref TlsReader reader, CipherSuite suite, MlsLimits limits)
    {
        var ratchet = new HashRatchet(suite, reader.ReadOpaque(), limits);
        ratchet._generation = reader.ReadUInt32();
        foreach (var key in reader.ReadVector((ref TlsReader r) => new MessageKey(r.ReadUInt32(), r.ReadOpaque(), r.ReadOpaque())))
            ratchet._skipped[key.Generation] = key;
        return ratchet;
    }
}
