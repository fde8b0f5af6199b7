using Harmony.Client.Chat;
using Harmony.Client.Tests.Infrastructure;
using Harmony.Core.Crypto;

namespace Harmony.Client.Tests.Chat;

/// <summary>One real node (Kestrel, SQLite, real SignalR) shared by the chat tests, and helpers to start clients on it.</summary>
public sealed class ChatNodeFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "harmony-chat-" + Guid.NewGuid().ToString("N"));

    public NodeFactory Node { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Node = new NodeFactory(Path.Combine(Folder, "node"), NodeFactory.FreePort());
        return Task.CompletedTask;
    }

    public HarmonyChatOptions Options(string dataDirectory) => new()
    {
        Server = Node.BaseAddress,
        DataDirectory = dataDirectory,
        KeyPackagePoolTarget = 3,
        ConfigureConnection = o => o with { InitialBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromSeconds(1) },
    };

    /// <summary>A client for a fresh identity (or <paramref name="key"/>) with its own data folder.</summary>
    public async Task<ChatUser> UserAsync(string name, Ed25519KeyPair? key = null, string? dataDirectory = null)
    {
        key ??= Ed25519KeyPair.Generate();
        dataDirectory ??= Path.Combine(Folder, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        var client = await HarmonyChatClient.ConnectAsync(Options(dataDirectory), key);
        return new ChatUser(name, key, dataDirectory, client);
    }

    public Task DisposeAsync()
    {
        Node.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }
}
