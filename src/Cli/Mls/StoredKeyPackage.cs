namespace Harmony.Cli.Mls;

/// <summary>A published KeyPackage and its private keys, kept until a Welcome uses it (base64url fields).</summary>
internal sealed record StoredKeyPackage(string KeyPackage, string InitPrivateKey, string EncryptionPrivateKey);
