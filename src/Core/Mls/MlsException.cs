using Harmony.Core.Errors;

namespace Harmony.Core.Mls;

/// <summary>
/// An MLS (RFC 9420) operation rejected its input: malformed encoding, failed signature, MAC or AEAD check, unsupported
/// cipher suite, invalid tree, exceeded limit. Codes start with <c>mls.</c>; messages never contain key material.
/// </summary>
public sealed class MlsException(string code, string message, Exception? inner = null) : HarmonyException(code, message, inner);
