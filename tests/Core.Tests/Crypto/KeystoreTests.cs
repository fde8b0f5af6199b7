using System.Text.Json.Nodes;
using Harmony.Core.Crypto;
using Harmony.Core.Crypto.Bip39;
using Harmony.Core.Crypto.Keystore;
using Harmony.Core.Encoding;
using Xunit;

namespace Harmony.Core.Tests.Crypto;

public sealed class KeystoreTests
{
    // Small Argon2id cost so the tests stay fast; the format records whatever cost was used.
    private static readonly KeystoreOptions Fast = KeystoreOptions.Default with { Kdf = new Argon2idParameters(64, 1) };
    private static readonly Mnemonic Phrase = Mnemonic.FromEntropy(Vectors.Hex("7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f"));

    [Fact]
    public void Round_trip_and_file_shape()
    {
        var json = Keystore.Encrypt(Phrase, "hunter2", Fast);
        Assert.Equal(1, json["version"]!.GetValue<int>());
        Assert.Equal("argon2id", json["kdf"]!["alg"]!.GetValue<string>());
        Assert.Equal(64, json["kdf"]!["memoryKiB"]!.GetValue<int>());
        Assert.Equal(1, json["kdf"]!["iterations"]!.GetValue<int>());
        Assert.Equal(1, json["kdf"]!["parallelism"]!.GetValue<int>());
        Assert.Equal(16, Base64Url.Decode(json["kdf"]!["salt"]!.GetValue<string>()).Length);
        Assert.Equal("xchacha20-poly1305", json["cipher"]!.GetValue<string>());
        Assert.Equal(24, Base64Url.Decode(json["nonce"]!.GetValue<string>()).Length);
        Assert.DoesNotContain("legal", json.ToJsonString());
        Assert.Equal(Phrase.ToPhrase(), Keystore.Decrypt(json.ToJsonString(), "hunter2", Fast).ToPhrase());
    }

    /// <summary>The format is reproducible by hand: Argon2id key, then XChaCha20-Poly1305 with AAD "harmony.keystore.v1".</summary>
    [Fact]
    public void Ciphertext_opens_with_the_documented_construction()
    {
        var json = Keystore.Encrypt(Phrase, "pass", Fast);
        var salt = Base64Url.Decode(json["kdf"]!["salt"]!.GetValue<string>());
        using var key = Argon2id.DeriveKey("pass", salt, new Argon2idParameters(64, 1));
        var plain = Aead.XChaCha20Poly1305.Decrypt(key.Span, Base64Url.Decode(json["nonce"]!.GetValue<string>()),
            Base64Url.Decode(json["ciphertext"]!.GetValue<string>()), "harmony.keystore.v1"u8);
        Assert.Equal(Phrase.ToPhrase(), System.Text.Encoding.UTF8.GetString(plain));
    }

    [Fact]
    public void Wrong_passphrase_is_keystore_passphrase()
    {
        var text = Keystore.Encrypt(Phrase, "right", Fast).ToJsonString();
        Assert.Equal("keystore.passphrase", Assert.Throws<KeystoreException>(() => Keystore.Decrypt(text, "wrong", Fast)).Code);
    }

    [Fact]
    public void Altered_fields_are_refused()
    {
        var json = Keystore.Encrypt(Phrase, "pw", Fast);
        var ct = Base64Url.Decode(json["ciphertext"]!.GetValue<string>());
        ct[3] ^= 1;
        Assert.Equal("keystore.passphrase", Code(With(json, j => j["ciphertext"] = Base64Url.Encode(ct))));
        Assert.Equal("keystore.passphrase", Code(With(json, j => j["kdf"]!["iterations"] = 2)));
        Assert.Equal("keystore.version", Code(With(json, j => j["version"] = 2)));
        Assert.Equal("keystore.unsupported", Code(With(json, j => j["cipher"] = "aes-256-gcm")));
        Assert.Equal("keystore.unsupported", Code(With(json, j => j["kdf"]!["alg"] = "scrypt")));
        Assert.Equal("keystore.format", Code(With(json, j => j["nonce"] = "AAAA")));
        Assert.Equal("keystore.format", Code(With(json, j => j["nonce"] = "not base64!")));
        Assert.Equal("keystore.format", Code(With(json, j => j.Remove("ciphertext"))));
        Assert.Equal("keystore.format", Code(With(json, j => j["kdf"]!["memoryKiB"] = "64")));
        Assert.Equal("keystore.kdf_parameters", Code(With(json, j => j["kdf"]!["memoryKiB"] = 8 * 1024 * 1024)));
        Assert.Equal("keystore.kdf_parameters", Code(With(json, j => j["kdf"]!["parallelism"] = 4)));
        Assert.Equal("keystore.format", Assert.Throws<KeystoreException>(() => Keystore.Decrypt("{not json", "pw", Fast)).Code);
        Assert.Equal("keystore.format", Assert.Throws<KeystoreException>(() => Keystore.Decrypt("[1]", "pw", Fast)).Code);
        Assert.Equal("keystore.too_large", Assert.Throws<KeystoreException>(() => Keystore.Decrypt(new string(' ', 70_000), "pw", Fast)).Code);

        string Code(string text) => Assert.Throws<KeystoreException>(() => Keystore.Decrypt(text, "pw", Fast)).Code;
    }

    [Fact]
    public void Files_are_created_once_and_loaded()
    {
        var dir = Path.Combine(Path.GetTempPath(), "harmony-ks-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "id.json");
            Keystore.Save(path, Phrase, "pw", Fast);
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(Phrase.ToPhrase(), Keystore.Load(path, "pw", Fast).ToPhrase());
            Assert.Equal("keystore.exists", Assert.Throws<KeystoreException>(() => Keystore.Save(path, Phrase, "pw", Fast)).Code);
            Assert.Equal("keystore.not_found", Assert.Throws<KeystoreException>(() => Keystore.Load(Path.Combine(dir, "none.json"), "pw", Fast)).Code);
            Assert.Equal("keystore.io", Assert.Throws<KeystoreException>(() => Keystore.Save(Path.Combine(dir, "no-such-dir", "id.json"), Phrase, "pw", Fast)).Code);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Empty_passphrase_is_refused_for_new_keystores()
    {
        Assert.Equal("keystore.passphrase", Assert.Throws<KeystoreException>(() => Keystore.Encrypt(Phrase, "", Fast)).Code);
    }

    private static string With(JsonObject original, Action<JsonObject> change)
    {
        var copy = JsonNode.Parse(original.ToJsonString())!.AsObject();
        change(copy);
        return copy.ToJsonString();
    }
}
