using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Crypto.Bip39;
using Harmony.Core.Encoding;

namespace Harmony.Core.Crypto.Keystore;

/// <summary>
/// The encrypted keystore file (docs/identity.md): a recovery phrase sealed with XChaCha20-Poly1305 under a key
/// derived from a passphrase by Argon2id. Binary fields are base64url without padding.
/// <code>
/// {"version":1,"kdf":{"alg":"argon2id","salt":"…","memoryKiB":65536,"iterations":3,"parallelism":1},
///  "cipher":"xchacha20-poly1305","nonce":"…","ciphertext":"…"}
/// </code>
/// </summary>
public static class Keystore
{
    /// <summary>The format version this code writes and reads.</summary>
    public const int Version = 1;

    /// <summary>The KDF name in the file.</summary>
    public const string KdfAlgorithm = "argon2id";

    // Domain separation: a ciphertext made for another purpose with the same key cannot pass as a keystore.
    private static readonly byte[] AssociatedData = "harmony.keystore.v1"u8.ToArray();

    /// <summary>Seals <paramref name="mnemonic"/> under <paramref name="passphrase"/>; returns the JSON object.</summary>
    public static JsonObject Encrypt(Mnemonic mnemonic, string passphrase, KeystoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        ArgumentNullException.ThrowIfNull(passphrase);
        options ??= KeystoreOptions.Default;
        if (passphrase.Length < options.MinPassphraseLength)
            throw new KeystoreException("keystore.passphrase", $"The passphrase must have at least {options.MinPassphraseLength} characters.");
        var salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(Argon2id.SaltSize);
        var aead = Aead.XChaCha20Poly1305;
        var nonce = aead.NewNonce();
        var plaintext = System.Text.Encoding.UTF8.GetBytes(mnemonic.ToPhrase());
        try
        {
            using var key = DeriveKey(passphrase, salt, options.Kdf, options.Limits);
            var ciphertext = aead.Encrypt(key.Span, nonce, plaintext, AssociatedData);
            return new JsonObject
            {
                ["version"] = Version,
                ["kdf"] = new JsonObject
                {
                    ["alg"] = KdfAlgorithm,
                    ["salt"] = Base64Url.Encode(salt),
                    ["memoryKiB"] = options.Kdf.MemoryKiB,
                    ["iterations"] = options.Kdf.Iterations,
                    ["parallelism"] = options.Kdf.Parallelism,
                },
                ["cipher"] = aead.Name,
                ["nonce"] = Base64Url.Encode(nonce),
                ["ciphertext"] = Base64Url.Encode(ciphertext),
            };
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Opens a keystore's JSON text. Throws <see cref="KeystoreException"/>; a wrong passphrase is <c>keystore.passphrase</c>.</summary>
    public static Mnemonic Decrypt(string json, string passphrase, KeystoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(passphrase);
        options ??= KeystoreOptions.Default;
        if (System.Text.Encoding.UTF8.GetByteCount(json) > options.MaxFileBytes)
            throw new KeystoreException("keystore.too_large", $"A keystore is at most {options.MaxFileBytes} bytes.");
        var file = KeystoreFile.Parse(json);
        // The file picks its own Argon2id cost; DeriveKey enforces options.Limits before any work.
        using var key = DeriveKey(passphrase, file.Salt, file.Kdf, options.Limits);
        byte[] plaintext;
        try
        {
            plaintext = Aead.XChaCha20Poly1305.Decrypt(key.Span, file.Nonce, file.Ciphertext, AssociatedData);
        }
        catch (CryptoException e) when (e.Code == "crypto.decrypt")
        {
            throw new KeystoreException("keystore.passphrase", "Wrong passphrase, or the keystore file was altered.");
        }
        try
        {
            return Mnemonic.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
        }
        catch (Bip39Exception)
        {
            throw new KeystoreException("keystore.format", "The keystore decrypted but does not hold a valid recovery phrase.");
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Writes a new keystore file readable by its owner only; refuses to overwrite (<c>keystore.exists</c>).</summary>
    public static void Save(string path, Mnemonic mnemonic, string passphrase, KeystoreOptions? options = null)
    {
        var text = Encrypt(mnemonic, passphrase, options).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var stream = new FileStream(path, fileOptions);
            using var writer = new StreamWriter(stream);
            writer.Write(text);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new KeystoreException("keystore.exists", "The keystore file already exists; choose another path.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeystoreException("keystore.io", $"Cannot write the keystore file: {e.Message}");
        }
    }

    /// <summary>Reads and opens a keystore file.</summary>
    public static Mnemonic Load(string path, string passphrase, KeystoreOptions? options = null)
    {
        options ??= KeystoreOptions.Default;
        var info = new FileInfo(path);
        if (!info.Exists) throw new KeystoreException("keystore.not_found", "The keystore file does not exist.");
        if (info.Length > options.MaxFileBytes) throw new KeystoreException("keystore.too_large", $"A keystore is at most {options.MaxFileBytes} bytes.");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeystoreException("keystore.io", $"Cannot read the keystore file: {e.Message}");
        }
        return Decrypt(text, passphrase, options);
    }

    private static SecretBytes DeriveKey(string passphrase, byte[] salt, Argon2idParameters kdf, Argon2idLimits limits)
    {
        try
        {
            return Argon2id.DeriveKey(passphrase, salt, kdf, Aead.XChaCha20Poly1305.KeySize, limits);
        }
        catch (CryptoException e) when (e.Code == "crypto.kdf_parameters")
        {
            throw new KeystoreException("keystore.kdf_parameters", e.Message);
        }
    }
}
