using Harmony.Core.Errors;

namespace Harmony.Client;

/// <summary>A client-side failure with a stable code (<c>client.*</c>), for example no encryptor or a failed login.</summary>
public sealed class HarmonyClientException(string code, string message, Exception? inner = null) : HarmonyException(code, message, inner);
