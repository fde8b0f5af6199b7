using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Harmony.Gateway.Tests.Infrastructure;

/// <summary>
/// A real Harmony node (src/Silo Program: co-hosted silo on SQLite in a temp folder, gateway) on Kestrel with a
/// random port.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    public GatewayFactory(string? dataDirectory = null, IDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "harmony-gw-" + Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string>
        {
            ["Harmony:DataDirectory"] = DataDirectory,
            ["Harmony:Cluster:SiloPort"] = FreePort().ToString(),
            ["Harmony:Cluster:GatewayPort"] = FreePort().ToString(),
            ["Harmony:Cluster:ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            ["Harmony:Gateway:AllowedOrigins:0"] = "https://allowed.example",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) _settings[key] = value;
        UseKestrel(0);
        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    public HttpClient Http() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Development");
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
