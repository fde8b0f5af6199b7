namespace Harmony.Grains.Abstractions;

/// <summary>Names of the Orleans providers a Harmony node registers; grains and the gateway refer to them by name.</summary>
public static class ProviderNames
{
    /// <summary>The grain storage for Harmony grain state (<c>[PersistentState("...", ProviderNames.GrainStorage)]</c>).</summary>
    public const string GrainStorage = "harmony";
}
