using Harmony.Core.Errors;

namespace Harmony.Core.Credentials.DataIntegrity;

/// <summary>A Data Integrity proof is malformed or does not verify. Codes start with <c>proof.</c>.</summary>
public sealed class DataIntegrityException(string code, string message) : HarmonyException(code, message);
