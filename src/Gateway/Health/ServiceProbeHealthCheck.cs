using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Harmony.Gateway.Health;

/// <summary>A readiness check that succeeds when <paramref name="probe"/> completes against a service within the timeout.</summary>
/// <typeparam name="TService">The probed service (for example the node's storage).</typeparam>
public sealed class ServiceProbeHealthCheck<TService>(TService service, Func<TService, CancellationToken, Task> probe, TimeSpan timeout) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await probe(service, cts.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The exception goes to the health-check log, not to the anonymous /readyz response.
            return HealthCheckResult.Unhealthy($"{typeof(TService).Name} does not answer.", e);
        }
    }
}
