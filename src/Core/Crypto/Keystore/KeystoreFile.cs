using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Encoding;

namespace Harmony.Core.Crypto.Keystore;

/// <summary>The parsed, structurally checked fields of a keystore (before any decryption).</summary>
internal sealed record KeystoreFile(Argon2idParameters Kdf, byte[] Salt, byte[] Nonce, byte[] Ciphertext)
{
    private const int MaxCiphertextBytes = 4096;

    public static KeystoreFile Parse(string json)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 4 }) as JsonObject
                ?? throw Format("The keystore is not a JSON object.");
        }
        catch (JsonException)
        {
            throw Format("The keystore is not valid JSON.");
        }
        if (Int(root, "version") != Keystore.Version)
            throw new KeystoreException("keystore.version", $"Unsupported keystore version; this build reads version {Keystore.Version}.");
        var kdf = root["kdf"] as JsonObject ?? throw Format("The keystore has no kdf object.");
        if (String(kdf, "alg") != Keystore.KdfAlgorithm)
            throw new KeystoreException("keystore.unsupported", $"Unsupported keystore KDF; expected {Keystore.KdfAlgorithm}.");
        if (String(root, "cipher") != Aead.XChaCha20Poly1305.Name)
            throw new KeystoreException("keystore.unsupported", $"Unsupported keystore cipher; expected {Aead.XChaCha20Poly1305.Name}.");
        var salt = Bytes(kdf, "salt");
        var nonce = Bytes(root, "nonce");
        var ciphertext = Bytes(root, "ciphertext");
        if (salt.Length != Argon2id.SaltSize) throw Format($"The keystore salt must be {Argon2id.SaltSize} bytes.");
        if (nonce.Length != Aead.XChaCha20Poly1305.NonceSize) throw Format($"The keystore nonce must be {Aead.XChaCha20Poly1305.NonceSize} bytes.");
        if (ciphertext.Length < Aead.XChaCha20Poly1305.TagSize || ciphertext.Length > MaxCiphertextBytes) throw Format("The keystore ciphertext has an impossible length.");
        return new KeystoreFile(new Argon2idParameters(Int(kdf, "memoryKiB"), Int(kdf, "iterations"), Int(kdf, "parallelism")), salt, nonce, ciphertext);
    }

    private static KeystoreException Format(string message) => new("keystore.format", message);

    private static int Int(JsonObject obj, string name)
    {
        if (obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i)) return i;
        throw Format($"The keystore field '{name}' must be an integer.");
    }

    private static string String(JsonObject obj, string name)
    {
        if (obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String) return v.GetValue<string>();
        throw Format($"The keystore field '{name}' must be a string.");
    }

    private static byte[] Bytes(JsonObject obj, string name)
    {
        try
        {
            return Base64Url.Decode(String(obj, name));
        }
        catch (EncodingException)
        {
            throw Format($"The keystore field '{name}' must be base64url without padding.");
        }
    }
}
