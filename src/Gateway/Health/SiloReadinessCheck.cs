using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Harmony.Gateway.Health;

/// <summary>Ready when the cluster has an active silo that answers a management call (which also reaches grain storage-backed membership).</summary>
public sealed class SiloReadinessCheck(IGrainFactory grains) : IHealthCheck
{
    /// <summary>The tag of checks that <c>/readyz</c> runs; hosts add their own storage checks with it.</summary>
    public const string ReadyTag = "ready";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return hosts.Count > 0 ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).") : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return HealthCheckResult.Unhealthy("The silo does not answer.", e);
        }
    }
}
