using Harmony.Gateway.Auth;
using Harmony.Gateway.Fanout;
using Harmony.Gateway.Health;
using Harmony.Gateway.Hubs;
using Harmony.Gateway.Identity;
using Harmony.Gateway.Origins;
using Harmony.Gateway.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Harmony.Gateway.Hosting;

/// <summary>Registers the gateway's services: instance identity, auth, origin policy, the SignalR hub, fan-out and health checks.</summary>
public static class HarmonyGatewayServiceCollectionExtensions
{
    /// <summary>The CORS policy for the allowed origins, applied by <c>MapHarmonyGateway</c>.</summary>
    public const string CorsPolicyName = "harmony-gateway";

    /// <summary>
    /// Adds the gateway, configured from <c>Harmony:Gateway</c> (<see cref="HarmonyGatewayOptions"/>); the instance
    /// key lives in <c>Harmony:DataDirectory</c> (default <c>./data</c>, relative to the working directory). The host must
    /// also run an Orleans silo or client (for <see cref="IGrainFactory"/> and the <c>chat</c> stream provider).
    /// </summary>
    /// <exception cref="ArgumentException">The gateway configuration is invalid.</exception>
    public static IServiceCollection AddHarmonyGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(HarmonyGatewayOptions.SectionName).Get<HarmonyGatewayOptions>() ?? new HarmonyGatewayOptions();
        options.Validate();
        var dataDirectory = configuration["Harmony:DataDirectory"] ?? "./data";

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        // Resolved like the node resolves it (against the working directory), so the key sits beside the database.
        services.AddSingleton<IInstanceIdentity>(_ => FileInstanceIdentity.LoadOrCreate(Path.GetFullPath(dataDirectory, Environment.CurrentDirectory)));
        services.AddSingleton<ChallengeStore>();
        services.AddSingleton<SessionTokenService>();
        services.AddSingleton<OriginPolicy>();
        services.AddSingleton<HubRateLimiter>();
        services.AddSingleton<ChannelFanout>();
        services.AddSingleton(GatewayInstanceId.New());

        // Browsers on the allowed foreign origins need CORS (with credentials, for SignalR) to reach /api and /hub.
        var corsOrigins = options.AllowedOrigins.Concat(options.PublicOrigin is { Length: > 0 } p ? [p] : [])
            .Select(OriginPolicy.Normalize).Distinct(StringComparer.Ordinal).ToArray();
        services.AddCors(cors => cors.AddPolicy(CorsPolicyName, policy =>
        {
            if (corsOrigins.Length > 0) policy.WithOrigins(corsOrigins).AllowAnyHeader().WithMethods("GET", "POST").AllowCredentials();
        }));

        services.AddAuthentication(SessionAuthenticationDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationDefaults.Scheme, null);
        services.AddAuthorization();

        services.AddSignalR(hub =>
            {
                hub.MaximumReceiveMessageSize = options.MaxHubMessageBytes;
                hub.MaximumParallelInvocationsPerClient = options.MaxParallelInvocationsPerConnection;
                hub.AddFilter<HubCallFilter>();
            })
            .AddJsonProtocol()
            .AddMessagePackProtocol();
        WrapHubProtocols(services);

        services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo", tags: [SiloReadinessCheck.ReadyTag]);
        return services;
    }

    /// <summary>
    /// Adds a <c>/readyz</c> check named <paramref name="name"/> that runs <paramref name="probe"/> against the
    /// registered <typeparamref name="TService"/> (for example a storage round trip), failing after 5 seconds.
    /// </summary>
    public static IServiceCollection AddHarmonyReadinessProbe<TService>(this IServiceCollection services, string name, Func<TService, CancellationToken, Task> probe)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(probe);
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            name,
            sp => new ServiceProbeHealthCheck<TService>(sp.GetRequiredService<TService>(), probe, TimeSpan.FromSeconds(5)),
            failureStatus: null,
            tags: [SiloReadinessCheck.ReadyTag]));
        return services;
    }

    /// <summary>Decorates every registered hub protocol with <see cref="BindingFailureProtocol"/>.</summary>
    private static void WrapHubProtocols(IServiceCollection services)
    {
        var registrations = services.Where(d => d.ServiceType == typeof(IHubProtocol)).ToList();
        foreach (var registration in registrations)
        {
            services.Remove(registration);
            services.Add(ServiceDescriptor.Singleton<IHubProtocol>(sp => new BindingFailureProtocol(Create(sp, registration))));
        }
    }

    private static IHubProtocol Create(IServiceProvider sp, ServiceDescriptor d) =>
        d.ImplementationInstance as IHubProtocol
        ?? (IHubProtocol?)d.ImplementationFactory?.Invoke(sp)
        ?? (IHubProtocol)ActivatorUtilities.CreateInstance(sp, d.ImplementationType!);
}
