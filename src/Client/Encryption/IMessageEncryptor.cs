namespace Harmony.Client.Encryption;

/// <summary>
/// Turns plaintext into the opaque MLS ciphertext an envelope carries (the MLS layer implements it). The SDK never
/// sends plaintext: without an encryptor, or when it throws, sending fails.
/// </summary>
public interface IMessageEncryptor
{
    /// <summary>Encrypts <paramref name="plaintext"/> for the current MLS epoch of <paramref name="channelId"/>'s group.</summary>
    ValueTask<byte[]> EncryptAsync(string channelId, ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken);
}
