using Harmony.Core.Errors;

namespace Harmony.Core.Identity;

/// <summary>An identity cannot be created or restored. Codes: <c>identity.word_count</c>.</summary>
public sealed class IdentityException(string code, string message) : HarmonyException(code, message);
