namespace Harmony.Gateway.Identity;

/// <summary>The node's own Ed25519 identity (a did:key): it signs session tokens, so they survive restarts.</summary>
public interface IInstanceIdentity
{
    /// <summary>The instance's did:key.</summary>
    string Did { get; }

    /// <summary>The 32-byte Ed25519 public key.</summary>
    ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>Signs <paramref name="message"/> with the instance key.</summary>
    byte[] Sign(ReadOnlySpan<byte> message);

    /// <summary>Whether <paramref name="signature"/> is the instance key's over <paramref name="message"/>.</summary>
    bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
}
