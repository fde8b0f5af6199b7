using System.Threading.Channels;
using Harmony.Client.Connection;
using Harmony.Client.Tests.Infrastructure;

namespace Harmony.Client.Tests;

public sealed class SessionExpiryTests
{
    [Fact]
    public async Task When_the_server_closes_an_expired_session_the_sdk_logs_in_again_and_resumes()
    {
        await using var scenario = new Scenario();
        using var node = new NodeFactory(Path.Combine(scenario.Folder, "node"), NodeFactory.FreePort(),
            new Dictionary<string, string> { ["Harmony:Gateway:SessionLifetime"] = "00:00:02" });
        await using var reader = await HarmonyConnection.CreateAsync(scenario.Options(node.BaseAddress, "reader.db"), scenario.Key);
        var resumed = Channel.CreateUnbounded<bool>();
        reader.Resumed += () =>
        {
            resumed.Writer.TryWrite(true);
            return Task.CompletedTask;
        };
        await reader.StartAsync();
        await scenario.CreateCommunityAsync(reader);
        await reader.WatchAsync(scenario.ChannelId, scenario.RootCapabilityId);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.True(await resumed.Reader.ReadAsync(cts.Token));

        // The 2-second session runs out; the server closes the connection and the SDK comes back by itself.
        Assert.True(await resumed.Reader.ReadAsync(cts.Token));

        await using var writer = await HarmonyConnection.CreateAsync(scenario.Options(node.BaseAddress, "writer.db"), scenario.Key, new TestEncryptor());
        await writer.StartAsync();
        await writer.SendMessageAsync(scenario.ChannelId, "still here"u8.ToArray(), scenario.RootCapabilityId);
        await using var envelopes = reader.ReadEnvelopesAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await envelopes.MoveNextAsync());
        Assert.Equal(1, envelopes.Current.Seq);
    }
}
