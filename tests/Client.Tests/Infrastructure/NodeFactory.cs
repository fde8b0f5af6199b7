using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Harmony.Client.Tests.Infrastructure;

/// <summary>
/// A real Harmony node (src/Silo Program, SQLite in <see cref="DataDirectory"/>) on Kestrel. Restart it by disposing
/// and creating another one with the same data folder and HTTP port.
/// </summary>
public sealed class NodeFactory : WebApplicationFactory<Program>
{
    private readonly string _siloPort = FreePort().ToString();
    private readonly string _gatewayPort = FreePort().ToString();

    private readonly IDictionary<string, string> _settings;

    public NodeFactory(string dataDirectory, int httpPort, IDictionary<string, string>? settings = null)
    {
        DataDirectory = dataDirectory;
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(httpPort);
        StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Harmony:DataDirectory", DataDirectory);
        builder.UseSetting("Harmony:Cluster:SiloPort", _siloPort);
        builder.UseSetting("Harmony:Cluster:GatewayPort", _gatewayPort);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Development");
    }
}
