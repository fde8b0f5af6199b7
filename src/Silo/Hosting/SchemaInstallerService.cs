using Harmony.Grains.Storage;
using Harmony.Grains.Storage.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Harmony.Silo.Hosting;

/// <summary>
/// Installs the database schema while the host is starting, before any hosted service (the Orleans silo among them)
/// starts: <see cref="IHostedLifecycleService.StartingAsync"/> runs ahead of every <c>StartAsync</c>.
/// </summary>
internal sealed partial class SchemaInstallerService(HarmonyNodeInfo node, IServiceProvider services, ILogger<SchemaInstallerService> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (node.Options.Storage == DatabaseKind.Sqlite)
        {
            Directory.CreateDirectory(node.DataDirectory);
            await SchemaInstaller.InstallSqliteAsync(node.ConnectionString, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SchemaInstaller.InstallPostgresAsync(services.GetRequiredService<NpgsqlDataSource>(), cancellationToken).ConfigureAwait(false);
        }

        LogInstalled(node.StorageDescription);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Harmony schema installed on {Storage}")]
    private partial void LogInstalled(string storage);
}
