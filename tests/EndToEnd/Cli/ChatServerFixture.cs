using Harmony.EndToEnd.Tests.Infrastructure;

namespace Harmony.EndToEnd.Tests.Cli;

/// <summary>One real node process shared by the CLI scenarios of a test class (each scenario uses its own users and communities).</summary>
public sealed class ChatServerFixture : IAsyncLifetime
{
    private ServerProcess? _server;

    /// <summary>The running node.</summary>
    public ServerProcess Server => _server ?? throw new InvalidOperationException("The node is not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync(new ServerProcessOptions { Name = "cli-node" });

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
