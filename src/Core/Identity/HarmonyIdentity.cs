using Harmony.Core.Crypto;
using Harmony.Core.Crypto.Bip39;
using Harmony.Core.Did;

namespace Harmony.Core.Identity;

/// <summary>
/// A person's Harmony identity, derived from a BIP-39 recovery phrase (see docs/identity.md):
/// Ed25519 seed = first 32 bytes of the BIP-39 seed; X25519 key-agreement key = the Ed25519 key under the birational
/// map; DID = the did:key of the Ed25519 public key. <see cref="ToString"/> shows the DID only.
/// </summary>
public sealed class HarmonyIdentity : IDisposable
{
    private HarmonyIdentity(Ed25519KeyPair signing, X25519KeyPair keyAgreement)
    {
        SigningKey = signing;
        KeyAgreementKey = keyAgreement;
        Did = DidKey.FromEd25519(signing.PublicKey);
        KeyAgreementDidKey = DidKey.FromX25519(keyAgreement.PublicKey);
    }

    /// <summary>The identity's DID (<c>did:key:z6Mk…</c>).</summary>
    public DidKey Did { get; }

    /// <summary>The Ed25519 signing key behind <see cref="Did"/>.</summary>
    public Ed25519KeyPair SigningKey { get; }

    /// <summary>The X25519 key-agreement key derived from the signing key.</summary>
    public X25519KeyPair KeyAgreementKey { get; }

    /// <summary>The X25519 public key as a did:key (<c>did:key:z6LS…</c>), whose multibase is the keyAgreement fragment.</summary>
    public DidKey KeyAgreementDidKey { get; }

    /// <summary>The signing verification method id: <c>did:key:z6Mk…#z6Mk…</c>.</summary>
    public string SigningKeyId => Did.VerificationMethodId;

    /// <summary>The key-agreement verification method id: <c>did:key:z6Mk…#z6LS…</c>.</summary>
    public string KeyAgreementKeyId => Did.Did + "#" + KeyAgreementDidKey.MultibaseKey;

    /// <summary>Creates a new identity with a fresh recovery phrase of <see cref="IdentityOptions.NewWordCount"/> words.</summary>
    public static HarmonyIdentity Create(out Mnemonic mnemonic, IdentityOptions? options = null)
    {
        options ??= IdentityOptions.Default;
        mnemonic = Mnemonic.Generate(options.NewWordCount);
        return FromMnemonic(mnemonic, options: options);
    }

    /// <summary>Restores an identity from a recovery phrase; throws <see cref="Bip39Exception"/> or <see cref="IdentityException"/>.</summary>
    public static HarmonyIdentity FromMnemonic(string phrase, string passphrase = "", IdentityOptions? options = null) =>
        FromMnemonic(Mnemonic.Parse(phrase), passphrase, options);

    /// <summary>Restores an identity from a parsed mnemonic and optional BIP-39 passphrase (empty by default).</summary>
    public static HarmonyIdentity FromMnemonic(Mnemonic mnemonic, string passphrase = "", IdentityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        options ??= IdentityOptions.Default;
        if (!options.AcceptedWordCounts.Contains(mnemonic.WordCount))
            throw new IdentityException("identity.word_count",
                $"Harmony recovery phrases have {string.Join(" or ", options.AcceptedWordCounts)} words, not {mnemonic.WordCount}.");
        using var seed = mnemonic.ToSeed(passphrase);
        return FromBip39Seed(seed.Span);
    }

    /// <summary>Derives the identity from a 64-byte BIP-39 seed: the Ed25519 seed is its first 32 bytes.</summary>
    public static HarmonyIdentity FromBip39Seed(ReadOnlySpan<byte> bip39Seed)
    {
        if (bip39Seed.Length != 64)
            throw new CryptoException("crypto.key_length", "A BIP-39 seed is 64 bytes.");
        var signing = Ed25519KeyPair.FromSeed(bip39Seed[..Ed25519.SeedSize]);
        try
        {
            return new HarmonyIdentity(signing, X25519KeyPair.FromEd25519(signing));
        }
        catch
        {
            signing.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        SigningKey.Dispose();
        KeyAgreementKey.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"HarmonyIdentity({Did.Did})";
}
