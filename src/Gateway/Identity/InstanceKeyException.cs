using Harmony.Core.Errors;

namespace Harmony.Gateway.Identity;

/// <summary>The instance key file is unreadable or malformed (code <c>gateway.instance_key</c>). Never contains key material.</summary>
public sealed class InstanceKeyException(string message) : HarmonyException("gateway.instance_key", message);
