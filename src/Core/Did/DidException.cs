using Harmony.Core.Errors;

namespace Harmony.Core.Did;

/// <summary>A DID could not be parsed or resolved. Codes: <c>did.malformed</c>, <c>did.unsupported_method</c>, <c>did.unsupported_key</c>, <c>did.invalid_key</c>.</summary>
public sealed class DidException(string code, string message) : HarmonyException(code, message);
