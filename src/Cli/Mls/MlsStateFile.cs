using System.Security.Cryptography;
using System.Text.Json;
using Harmony.Core.Crypto;

namespace Harmony.Cli.Mls;

/// <summary>
/// Reads and writes the encrypted state file: <c>"HMLS1" ‖ nonce(24) ‖ XChaCha20-Poly1305(JSON state)</c>, keyed by
/// HKDF-SHA256 of the identity's Ed25519 seed (info <c>harmony.mls.state.v1</c>) with the owner's DID as associated
/// data. Deriving the key from the identity means no second passphrase, and a state file copied to another identity
/// will not open. Writes go to a temporary file first, readable by the owner only, then replace the old state.
/// </summary>
internal static class MlsStateFile
{
    /// <summary>Largest state file accepted (a 1,000-member group exports to a few hundred KiB).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    private static readonly byte[] Magic = "HMLS1"u8.ToArray();
    private static readonly byte[] KeyInfo = "harmony.mls.state.v1"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Loads the state, or null when the file does not exist.</summary>
    public static MlsCliState? Load(string path, MlsCliIdentity identity)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        if (info.Length > MaxBytes) throw new MlsCliException("cli.mls.state_too_large", $"The state file exceeds {MaxBytes} bytes.");
        var bytes = File.ReadAllBytes(path);
        var aead = Aead.XChaCha20Poly1305;
        if (bytes.Length < Magic.Length + aead.NonceSize + aead.TagSize || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new MlsCliException("cli.mls.state_format", "The file is not a harmony mls state file.");
        var key = DeriveKey(identity);
        byte[] plaintext;
        try
        {
            plaintext = aead.Decrypt(key, bytes.AsSpan(Magic.Length, aead.NonceSize), bytes.AsSpan(Magic.Length + aead.NonceSize), System.Text.Encoding.UTF8.GetBytes(identity.Did));
        }
        catch (CryptoException)
        {
            throw new MlsCliException("cli.mls.state_key", "The state file does not open with this identity, or it was altered.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
        try
        {
            var state = JsonSerializer.Deserialize<MlsCliState>(plaintext, Json) ?? throw new JsonException("empty");
            if (state.Version != 1 || state.Did != identity.Did)
                throw new MlsCliException("cli.mls.state_format", "The state file has an unknown version or belongs to another identity.");
            return state;
        }
        catch (JsonException)
        {
            throw new MlsCliException("cli.mls.state_format", "The state file decrypted but is malformed.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Encrypts and writes the state atomically.</summary>
    public static void Save(string path, MlsCliState state, MlsCliIdentity identity)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(state, Json);
        var key = DeriveKey(identity);
        try
        {
            var aead = Aead.XChaCha20Poly1305;
            var nonce = aead.NewNonce();
            var ciphertext = aead.Encrypt(key, nonce, plaintext, System.Text.Encoding.UTF8.GetBytes(identity.Did));
            var temp = path + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(Magic);
                stream.Write(nonce);
                stream.Write(ciphertext);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] DeriveKey(MlsCliIdentity identity)
        => HKDF.DeriveKey(HashAlgorithmName.SHA256, identity.Seed, Aead.XChaCha20Poly1305.KeySize, salt: [], info: KeyInfo);
}
