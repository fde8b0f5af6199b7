using Harmony.Client.Chat;
using Harmony.Core.Crypto;

namespace Harmony.Client.Tests.Chat;

/// <summary>A test identity with its client; disposing stops the client and the key.</summary>
public sealed class ChatUser(string name, Ed25519KeyPair key, string dataDirectory, HarmonyChatClient client) : IAsyncDisposable
{
    public string Name { get; } = name;

    public Ed25519KeyPair Key { get; } = key;

    public string DataDirectory { get; } = dataDirectory;

    public HarmonyChatClient Client { get; private set; } = client;

    public string Did => Client.Did;

    /// <summary>Stops the client (the data folder stays) and starts a new one on the same folder and key.</summary>
    public async Task RestartAsync(ChatNodeFixture fixture)
    {
        await Client.DisposeAsync();
        Client = await HarmonyChatClient.ConnectAsync(fixture.Options(DataDirectory), Key);
    }

    /// <summary>Stops the client only.</summary>
    public ValueTask StopAsync() => Client.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        Key.Dispose();
    }
}
