using Harmony.Core.Capabilities;
using Harmony.Grains.Export;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harmony.Grains;

/// <summary>Registers what the community, channel and member grains need besides Orleans and the message-log store.</summary>
public static class HarmonyGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="HarmonyGrainOptions"/> (defaults, or <paramref name="options"/>), the system <see cref="TimeProvider"/>
    /// (unless one is registered), a silo-wide invocation nonce store, a silo-wide verified-chain cache and the <see cref="CommunityExporter"/>. The host
    /// must also register an <see cref="Storage.IMessageLogStore"/>, grain storage "harmony" and stream provider "chat".
    /// </summary>
    public static IServiceCollection AddHarmonyGrains(this IServiceCollection services, HarmonyGrainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var resolved = options ?? new HarmonyGrainOptions();
        resolved.Capabilities.Validate();
        services.TryAddSingleton(resolved);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<INonceStore>(sp => new InMemoryNonceStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new VerifiedChainCache(sp.GetRequiredService<HarmonyGrainOptions>().Capabilities.ChainCacheCapacity));
        services.TryAddSingleton<CommunityExporter>();
        return services;
    }
}
