namespace Harmony.Core.Mls.Crypto;

/// <summary>An X25519 HPKE key pair in raw form. The private key is never shown by <see cref="ToString"/>.</summary>
/// <param name="PrivateKey">32-byte X25519 private key.</param>
/// <param name="PublicKey">32-byte X25519 public key.</param>
public sealed record HpkeKeyPair(byte[] PrivateKey, byte[] PublicKey)
{
    /// <inheritdoc />
    public override string ToString() => $"HpkeKeyPair(public {Convert.ToHexStringLower(PublicKey)})";
}
