using System.Net;
using Harmony.Grains.Tests.Infrastructure;
using Harmony.Silo.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Harmony.Grains.Tests.Hosting;

/// <summary>The node's entry point (<c>src/Silo/Program.cs</c>) started in-process with a temporary data directory.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly TempDirectory _root = new();

    /// <inheritdoc />
    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task The_node_serves_healthz_and_creates_its_sqlite_database_in_the_data_directory()
    {
        var dataDirectory = Path.Combine(_root.Path, "data");
        await using var factory = new NodeFactory(dataDirectory);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"ok\"}", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(Path.Combine(dataDirectory, "harmony.db")));
        var banner = HarmonyStartupBanner.Describe(factory.Services);
        Assert.Contains($"  data directory {dataDirectory}", banner);
        Assert.Contains($"  storage SQLite {Path.Combine(dataDirectory, "harmony.db")}", banner);
    }

    private sealed class NodeFactory(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var ports = FreePorts.Take(2);
            builder.UseSetting("Harmony:DataDirectory", dataDirectory);
            builder.UseSetting("Harmony:Cluster:SiloPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Harmony:Cluster:GatewayPort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
