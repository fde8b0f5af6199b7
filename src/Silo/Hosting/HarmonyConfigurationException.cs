using Harmony.Core.Errors;

namespace Harmony.Silo.Hosting;

/// <summary>The <c>Harmony</c> configuration is invalid (code <c>config.invalid</c>); the node does not start.</summary>
public sealed class HarmonyConfigurationException(string message) : HarmonyException(ErrorCode, message)
{
    /// <summary>The error code.</summary>
    public const string ErrorCode = "config.invalid";
}
