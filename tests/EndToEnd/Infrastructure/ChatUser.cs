using Harmony.Client.Chat;
using Harmony.Core.Crypto;

namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>
/// An identity using the SDK's <see cref="HarmonyChatClient"/> against a node process, with its own client data
/// folder. Disposing stops the client, disposes the key and deletes the folder.
/// </summary>
public sealed class ChatUser : IAsyncDisposable
{
    private ChatUser(string name, Ed25519KeyPair key, string dataDirectory, HarmonyChatClient client)
    {
        Name = name;
        Key = key;
        DataDirectory = dataDirectory;
        Client = client;
    }

    /// <summary>A name for messages.</summary>
    public string Name { get; }

    /// <summary>The identity key.</summary>
    public Ed25519KeyPair Key { get; }

    /// <summary>The client's data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The running client.</summary>
    public HarmonyChatClient Client { get; }

    /// <summary>The user's DID.</summary>
    public string Did => Client.Did;

    /// <summary>Connects a fresh identity to <paramref name="server"/>.</summary>
    public static async Task<ChatUser> ConnectAsync(ServerProcess server, string name)
    {
        var key = Ed25519KeyPair.Generate();
        var folder = Path.Combine(Path.GetTempPath(), "harmony-e2e-client-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            return new ChatUser(name, key, folder, await HarmonyChatClient.ConnectAsync(Options(server, folder), key));
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Client settings for tests: quick reconnects, a small KeyPackage pool.</summary>
    public static HarmonyChatOptions Options(ServerProcess server, string dataDirectory) => new()
    {
        Server = server.BaseAddress,
        DataDirectory = dataDirectory,
        KeyPackagePoolTarget = 3,
        ConfigureConnection = o => o with { InitialBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromSeconds(1) },
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try { await Client.DisposeAsync(); }
        finally
        {
            Key.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataDirectory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
