using Harmony.Gateway.Auth;
using Harmony.Gateway.Health;
using Harmony.Gateway.Hosting;
using Harmony.Gateway.Hubs;
using Harmony.Gateway.Origins;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Harmony.Gateway.Hosting;

/// <summary>Maps the gateway's endpoints.</summary>
public static class HarmonyGatewayEndpointExtensions
{
    /// <summary>The hub path.</summary>
    public const string HubPath = SessionAuthenticationDefaults.HubPath;

    /// <summary>
    /// Adds the origin check, CORS for the allowed origins, authentication and authorization middleware and maps <c>/api/auth/*</c>, the hub at
    /// <c>/hub</c>, <c>/healthz</c> (process up) and <c>/readyz</c> (checks tagged <c>ready</c>: silo active, storage).
    /// </summary>
    public static WebApplication MapHarmonyGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<OriginCheckMiddleware>();
        app.UseCors(HarmonyGatewayServiceCollectionExtensions.CorsPolicyName);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAuthEndpoints();
        app.MapHub<HarmonyHub>(HubPath, o => o.CloseOnAuthenticationExpiration = true);
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(SiloReadinessCheck.ReadyTag) });
        return app;
    }
}
