using Harmony.Core.Errors;

namespace Harmony.Core.Encoding;

/// <summary>Malformed encoded input (base58, multibase, multicodec, base64url).</summary>
public sealed class EncodingException(string code, string message) : HarmonyException(code, message);
