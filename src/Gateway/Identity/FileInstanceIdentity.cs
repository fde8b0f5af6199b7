using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Encoding;

namespace Harmony.Gateway.Identity;

/// <summary>
/// The instance identity kept in <c>instance-key.json</c> (<c>{"did": "...", "seed": base64url(32-byte Ed25519 seed)}</c>)
/// in the node's data folder, created with file mode 600 on first start. Nodes of one cluster share the file so that
/// any of them accepts the sessions the others issued.
/// </summary>
public sealed class FileInstanceIdentity : IInstanceIdentity, IDisposable
{
    /// <summary>The file name inside the data folder.</summary>
    public const string FileName = "instance-key.json";

    private readonly Ed25519KeyPair _key;

    private FileInstanceIdentity(Ed25519KeyPair key)
    {
        _key = key;
        Did = DidKey.FromEd25519(key.PublicKey).Did;
    }

    /// <inheritdoc />
    public string Did { get; }

    /// <inheritdoc />
    public ReadOnlyMemory<byte> PublicKey => _key.PublicKey;

    /// <summary>Loads the key from <paramref name="dataDirectory"/>, creating the folder and a fresh key when absent.</summary>
    /// <exception cref="InstanceKeyException">The file exists but is malformed or does not match its DID.</exception>
    public static FileInstanceIdentity LoadOrCreate(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path)) return Load(path);
        var key = Ed25519KeyPair.Generate();
        var seed = key.ExportSeed();
        try
        {
            var json = new JsonObject
            {
                ["did"] = DidKey.FromEd25519(key.PublicKey).Did,
                ["seed"] = Base64Url.Encode(seed),
            }.ToJsonString();
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var stream = new FileStream(path, options);
                stream.Write(System.Text.Encoding.UTF8.GetBytes(json));
                stream.Flush(flushToDisk: true);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs so both agree on one identity.
                key.Dispose();
                return Load(path);
            }
            return new FileInstanceIdentity(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static FileInstanceIdentity Load(string path)
    {
        JsonObject? document;
        try { document = JsonNode.Parse(File.ReadAllText(path)) as JsonObject; }
        catch (JsonException) { throw new InstanceKeyException($"'{path}' is not valid JSON."); }
        var did = document?["did"] is JsonValue d && d.TryGetValue<string>(out var ds) ? ds : null;
        var seedText = document?["seed"] is JsonValue s && s.TryGetValue<string>(out var ss) ? ss : null;
        if (did is null || seedText is null) throw new InstanceKeyException($"'{path}' needs string members 'did' and 'seed'.");
        byte[] seed;
        try { seed = Base64Url.Decode(seedText); }
        catch (Harmony.Core.Encoding.EncodingException) { throw new InstanceKeyException($"The seed in '{path}' is not base64url."); }
        try
        {
            if (seed.Length != Ed25519.SeedSize) throw new InstanceKeyException($"The seed in '{path}' is not {Ed25519.SeedSize} bytes.");
            var key = Ed25519KeyPair.FromSeed(seed);
            if (DidKey.FromEd25519(key.PublicKey).Did != did)
            {
                key.Dispose();
                throw new InstanceKeyException($"The seed in '{path}' does not belong to '{did}'.");
            }
            return new FileInstanceIdentity(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> message) => _key.Sign(message);

    /// <inheritdoc />
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) => Ed25519.Verify(_key.PublicKey, message, signature);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"FileInstanceIdentity({Did})";
}
