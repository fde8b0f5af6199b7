using System.Security.Cryptography;
using System.Text;

namespace Harmony.Client.Chat.Storage;

/// <summary>
/// Encrypts what the client database holds about secrets and content (MLS group states, KeyPackage private keys,
/// decrypted messages) with ChaCha20-Poly1305 under a key derived from the identity seed (HKDF-SHA256, info
/// <c>harmony.client.store.v1</c>). Each value is bound to its purpose and row key as associated data, so rows cannot
/// be swapped. Layout: 12-byte nonce ‖ ciphertext ‖ 16-byte tag.
/// </summary>
internal sealed class LocalSealer : IDisposable
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly ChaCha20Poly1305 _aead;

    // ChaCha20Poly1305 keeps one native cipher context per instance, so concurrent calls would corrupt each other's
    // output (seen as authentication failures under parallel sends); every use goes through this lock.
    private readonly Lock _gate = new();

    public LocalSealer(ReadOnlySpan<byte> identitySeed)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, identitySeed.ToArray(), 32, salt: [], info: "harmony.client.store.v1"u8.ToArray());
        _aead = new ChaCha20Poly1305(key);
        CryptographicOperations.ZeroMemory(key);
    }

    public byte[] Seal(string purpose, string rowKey, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var aad = Aad(purpose, rowKey);
        lock (_gate) _aead.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), aad);
        return output;
    }

    /// <exception cref="HarmonyClientException"><c>client.store.sealed</c> when the value was not sealed by this identity for this row.</exception>
    public byte[] Open(string purpose, string rowKey, ReadOnlySpan<byte> sealedValue)
    {
        if (sealedValue.Length < NonceSize + TagSize) throw Corrupt(null);
        var plaintext = new byte[sealedValue.Length - NonceSize - TagSize];
        try
        {
            var aad = Aad(purpose, rowKey);
            lock (_gate) _aead.Decrypt(sealedValue[..NonceSize], sealedValue[NonceSize..^TagSize], sealedValue[^TagSize..], plaintext, aad);
        }
        catch (CryptographicException e) { throw Corrupt(e); }
        return plaintext;
    }

    public void Dispose()
    {
        lock (_gate) _aead.Dispose();
    }

    public override string ToString() => "LocalSealer";

    private static byte[] Aad(string purpose, string rowKey) => Encoding.UTF8.GetBytes(purpose + "\0" + rowKey);

    private static HarmonyClientException Corrupt(Exception? inner) =>
        new("client.store.sealed", "A stored value cannot be opened with this identity (wrong key or corrupted database).", inner);
}
