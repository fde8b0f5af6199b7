using Harmony.Core.Errors;

namespace Harmony.Core.Crypto;

/// <summary>A cryptographic operation failed (bad key length, authentication failure, ...). Never carries key material.</summary>
public sealed class CryptoException(string code, string message) : HarmonyException(code, message);
