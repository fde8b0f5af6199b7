using Harmony.Grains.Tests.TestGrains;
using Harmony.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Harmony.Grains.Tests.Infrastructure;

/// <summary>
/// A real Harmony node (the production <c>AddHarmonyNode</c> hosting, without the web server) started in-process on
/// free ports, configured through the same <c>Harmony:*</c> keys as appsettings.json / environment variables.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestNode(IHost host) => _host = host;

    /// <summary>The node's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The co-hosted silo's grain factory.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// Builds and starts a node with <paramref name="settings"/> (keys like <c>Harmony:Storage</c>) on fresh ports;
    /// <paramref name="configureSilo"/> runs after the node's own silo configuration.
    /// </summary>
    public static async Task<TestNode> StartAsync(IDictionary<string, string?> settings, string contentRoot, Action<ISiloBuilder>? configureSilo = null)
    {
        var ports = FreePorts.Take(2);
        var all = new Dictionary<string, string?>(settings)
        {
            ["Harmony:Cluster:SiloPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Harmony:Cluster:GatewayPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(all);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddHarmonyNode(silo =>
        {
            silo.Services.AddSerializer(s => s.AddAssembly(typeof(CounterGrain).Assembly));
            configureSilo?.Invoke(silo);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TestNode(host);
    }

    /// <summary>Stops the node gracefully (the silo leaves the cluster).</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
