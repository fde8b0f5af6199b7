using Harmony.Core.Crypto;
using Harmony.Core.Encoding;

namespace Harmony.Core.Did;

/// <summary>
/// A parsed <c>did:key</c> (w3c-ccg did-method-key): <c>did:key:</c> + multibase base58btc of the multicodec-prefixed
/// public key. Parsing is strict: the exact method prefix, the <c>z</c> base, a known codec and the key length.
/// </summary>
public sealed record DidKey
{
    private const string Prefix = "did:key:";

    private DidKey(string did, DidKeyType type, byte[] publicKey)
    {
        Did = did;
        KeyType = type;
        PublicKey = publicKey;
    }

    /// <summary>The DID string, e.g. <c>did:key:z6Mk…</c>.</summary>
    public string Did { get; }

    /// <summary>The key type named by the multicodec.</summary>
    public DidKeyType KeyType { get; }

    /// <summary>The raw 32-byte public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>The multibase part after <c>did:key:</c>, also the fragment of its verification method.</summary>
    public string MultibaseKey => Did[Prefix.Length..];

    /// <summary>The id of the key's verification method: <c>did:key:z…#z…</c>.</summary>
    public string VerificationMethodId => Did + "#" + MultibaseKey;

    /// <summary>Builds the did:key of an Ed25519 public key.</summary>
    public static DidKey FromEd25519(ReadOnlySpan<byte> publicKey) => From(DidKeyType.Ed25519, publicKey);

    /// <summary>Builds the did:key of an X25519 public key.</summary>
    public static DidKey FromX25519(ReadOnlySpan<byte> publicKey) => From(DidKeyType.X25519, publicKey);

    private static DidKey From(DidKeyType type, ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 32) throw new DidException("did.unsupported_key", "A did:key public key is 32 bytes.");
        var code = type == DidKeyType.Ed25519 ? Multicodec.Ed25519Public : Multicodec.X25519Public;
        return new DidKey(Prefix + Multibase.EncodeBase58Btc(Multicodec.Prefix(code, publicKey)), type, publicKey.ToArray());
    }

    /// <summary>Parses a did:key, accepting and ignoring a <c>#fragment</c>. Throws <see cref="DidException"/> on anything malformed.</summary>
    public static DidKey Parse(string did)
    {
        if (!TryParse(did, out var result, out var error)) throw error!;
        return result!;
    }

    /// <summary>Parses without throwing; <paramref name="error"/> says why on failure.</summary>
    public static bool TryParse(string? did, out DidKey? result, out DidException? error)
    {
        result = null;
        error = null;
        if (string.IsNullOrEmpty(did)) { error = new("did.malformed", "The DID is empty."); return false; }
        var hash = did.IndexOf('#');
        var bare = hash >= 0 ? did[..hash] : did;
        if (!bare.StartsWith("did:", StringComparison.Ordinal)) { error = new("did.malformed", "A DID starts with 'did:'."); return false; }
        if (!bare.StartsWith(Prefix, StringComparison.Ordinal)) { error = new("did.unsupported_method", "Only the did:key method is resolvable offline."); return false; }
        var mb = bare[Prefix.Length..];
        if (mb.Length == 0 || mb[0] != 'z') { error = new("did.malformed", "A did:key uses multibase base58btc ('z')."); return false; }
        if (hash >= 0 && did[(hash + 1)..] != mb) { error = new("did.malformed", "The fragment of a did:key verification method must repeat its key."); return false; }
        byte[] decoded;
        try { decoded = Base58Btc.Decode(mb[1..]); }
        catch (EncodingException e) { error = new("did.malformed", e.Message); return false; }
        int code;
        byte[] key;
        try { (code, key) = Multicodec.Split(decoded); }
        catch (EncodingException e) { error = new("did.malformed", e.Message); return false; }
        DidKeyType type;
        switch (code)
        {
            case Multicodec.Ed25519Public: type = DidKeyType.Ed25519; break;
            case Multicodec.X25519Public: type = DidKeyType.X25519; break;
            default: error = new("did.unsupported_key", $"Unsupported multicodec 0x{code:x}."); return false;
        }
        if (key.Length != 32) { error = new("did.malformed", "A did:key public key is 32 bytes."); return false; }
        // No curve-point check here: it costs a scalar multiplication and parsing sits on hot paths. Resolution
        // (DidResolver) refuses unusable keys with did.invalid_key, and libsodium's verify refuses them anyway.
        result = new DidKey(bare, type, key);
        return true;
    }

    /// <summary>Verifies an Ed25519 signature by this DID's key; false if the DID is not an Ed25519 key.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        KeyType == DidKeyType.Ed25519 && Ed25519.Verify(PublicKey, message, signature);

    /// <summary>Two did:keys are equal when their DID strings are (the key bytes follow from the string).</summary>
    public bool Equals(DidKey? other) => other is not null && string.Equals(Did, other.Did, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Did);

    /// <inheritdoc />
    public override string ToString() => Did;
}
