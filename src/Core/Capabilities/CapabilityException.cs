using Harmony.Core.Errors;

namespace Harmony.Core.Capabilities;

/// <summary>
/// A capability, delegation or invocation is malformed or not authorized. <see cref="HarmonyException.Code"/> is one of
/// <see cref="CapabilityErrorCodes"/>; each kind of failure has its own code so callers and audits can tell them apart.
/// </summary>
public sealed class CapabilityException(string code, string message) : HarmonyException(code, message);
