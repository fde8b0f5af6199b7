namespace Harmony.Grains.Abstractions;

/// <summary>Names of the Orleans providers a Harmony node registers; grains and the gateway refer to them by name.</summary>
public static class ProviderNames
{
    /// <summary>The grain storage for Harmony grain state (<c>[PersistentState("...", ProviderNames.GrainStorage)]</c>).</summary>
    public const string GrainStorage = "harmony";

    /// <summary>The stream provider that carries channel events to the gateways.</summary>
    public const string Streams = "chat";

    /// <summary>The grain storage Orleans uses for explicit stream subscriptions.</summary>
    public const string PubSubStore = "PubSubStore";
}
