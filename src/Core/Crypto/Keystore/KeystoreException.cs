using Harmony.Core.Errors;

namespace Harmony.Core.Crypto.Keystore;

/// <summary>
/// A keystore cannot be read, written or unlocked. Codes: <c>keystore.passphrase</c> (wrong passphrase or altered
/// file), <c>keystore.format</c>, <c>keystore.version</c>, <c>keystore.unsupported</c>, <c>keystore.kdf_parameters</c>,
/// <c>keystore.exists</c>, <c>keystore.not_found</c>, <c>keystore.too_large</c>, <c>keystore.io</c>.
/// </summary>
public sealed class KeystoreException(string code, string message) : HarmonyException(code, message);
