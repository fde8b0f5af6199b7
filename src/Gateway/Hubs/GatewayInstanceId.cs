namespace Harmony.Gateway.Hubs;

/// <summary>This gateway process's id in member presence records (fresh per process, so a restart never reuses stale connections).</summary>
/// <param name="Value">The id.</param>
public sealed record GatewayInstanceId(string Value)
{
    /// <summary>A new random id.</summary>
    public static GatewayInstanceId New() => new("gw-" + Guid.NewGuid().ToString("N"));
}
