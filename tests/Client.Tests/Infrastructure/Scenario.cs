using System.Text.Json.Nodes;
using Harmony.Client.Connection;
using Harmony.Core.Capabilities;
using Harmony.Core.Crypto;
using Harmony.Core.Protocol;

namespace Harmony.Client.Tests.Infrastructure;

/// <summary>A temp folder, a user key, and a community with one channel created over the SDK.</summary>
public sealed class Scenario : IAsyncDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "harmony-client-" + Guid.NewGuid().ToString("N"));

    public Ed25519KeyPair Key { get; } = Ed25519KeyPair.Generate();

    public string CommunityId { get; } = "c" + Guid.NewGuid().ToString("N")[..12];

    public string ChannelId => "general-" + CommunityId;

    public string RootCapabilityId => InvocationTarget.RootCapabilityId(InvocationTargets.Community(CommunityId));

    public HarmonyClientOptions Options(Uri server, string database) => new()
    {
        Server = server,
        DatabasePath = Path.Combine(Folder, database),
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(1),
    };

    public async Task CreateCommunityAsync(HarmonyConnection connection)
    {
        var root = CapabilityIssuer.CreateRoot(InvocationTargets.Community(CommunityId), connection.Did);
        string Invoke(string action, JsonObject document) =>
            CapabilityIssuer.Invoke(document, root, new InvocationRequest(action, InvocationTargets.Community(CommunityId)), Key).ToJsonString();
        await connection.InvokeAsync<JsonObject>("CreateCommunity", [CommunityId, "Test", false, Invoke(Actions.Create, new JsonObject { ["name"] = "Test" })]);
        await connection.InvokeAsync<JsonObject>("CreateChannel", [CommunityId, ChannelId, "general", 0, null, 0, Invoke(Actions.ManageChannels, new JsonObject { ["channel"] = ChannelId })]);
    }

    public async ValueTask DisposeAsync()
    {
        Key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Task.CompletedTask;
        try { Directory.Delete(Folder, true); }
        catch (IOException) { }
    }
}
