using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.Group;

/// <summary>
/// A KeyPackage together with the private keys its owner needs to join from a Welcome. Private keys are never shown
/// by <see cref="ToString"/>.
/// </summary>
public sealed class KeyPackageBundle
{
    /// <summary>Wraps an existing KeyPackage and its private keys.</summary>
    public KeyPackageBundle(KeyPackage keyPackage, byte[] initPrivateKey, byte[] encryptionPrivateKey, byte[] signaturePrivateKey)
    {
        KeyPackage = keyPackage;
        InitPrivateKey = initPrivateKey;
        EncryptionPrivateKey = encryptionPrivateKey;
        SignaturePrivateKey = signaturePrivateKey;
    }

    /// <summary>The public KeyPackage.</summary>
    public KeyPackage KeyPackage { get; }

    /// <summary>HPKE private key for the init key.</summary>
    public byte[] InitPrivateKey { get; }

    /// <summary>HPKE private key for the leaf's encryption key.</summary>
    public byte[] EncryptionPrivateKey { get; }

    /// <summary>Ed25519 private seed of the signature key.</summary>
    public byte[] SignaturePrivateKey { get; }

    /// <summary>The capabilities Harmony advertises: version mls10, suites 1 and 3, basic credentials.</summary>
    public static Messages.Capabilities DefaultCapabilities { get; } = new([GroupContext.ProtocolVersion], [1, 3], [], [], [(ushort)CredentialType.Basic]);

    /// <summary>
    /// Creates a fresh KeyPackage for <paramref name="credential"/> signed with <paramref name="signaturePrivateKey"/>,
    /// valid from <paramref name="notBefore"/> for <paramref name="validFor"/>.
    /// </summary>
    public static KeyPackageBundle Create(CipherSuite suite, Credential credential, byte[] signaturePrivateKey, DateTimeOffset notBefore, TimeSpan validFor, Messages.Capabilities? capabilities = null, IReadOnlyList<Extension>? leafExtensions = null)
    {
        var init = Hpke.GenerateKeyPair();
        var encryption = Hpke.GenerateKeyPair();
        var leaf = new LeafNode
        {
            EncryptionKey = encryption.PublicKey,
            SignatureKey = suite.SignaturePublicKeyOf(signaturePrivateKey),
            Credential = credential,
            Capabilities = capabilities ?? DefaultCapabilities,
            Source = LeafNodeSource.KeyPackage,
            Lifetime = new Lifetime((ulong)notBefore.ToUnixTimeSeconds(), (ulong)(notBefore + validFor).ToUnixTimeSeconds()),
            Extensions = leafExtensions ?? [],
            Signature = [],
        }.Signed(suite, signaturePrivateKey, null, 0);
        var unsigned = new KeyPackage { CipherSuite = suite.Id, InitKey = init.PublicKey, LeafNode = leaf, Extensions = [], Signature = [] };
        var keyPackage = unsigned with { Signature = suite.SignWithLabel(signaturePrivateKey, "KeyPackageTBS", unsigned.ToBeSigned()) };
        return new KeyPackageBundle(keyPackage, init.PrivateKey, encryption.PrivateKey, signaturePrivateKey);
    }

    /// <inheritdoc />
    public override string ToString() => $"KeyPackageBundle(suite {KeyPackage.CipherSuite})";
}
