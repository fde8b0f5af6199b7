namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>One node process shared by the tests of a class (each test uses its own users and communities).</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private ServerProcess? _server;

    /// <summary>The running node.</summary>
    public ServerProcess Server => _server ?? throw new InvalidOperationException("The node has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync(new ServerProcessOptions { Name = "shared" });

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
