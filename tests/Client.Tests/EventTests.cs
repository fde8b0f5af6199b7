using Harmony.Client.Connection;
using Harmony.Client.Protocol;
using Harmony.Client.Tests.Infrastructure;

namespace Harmony.Client.Tests;

public sealed class EventTests
{
    [Fact]
    public async Task A_seq_gap_triggers_a_resync_and_typing_arrives_as_a_stream()
    {
        await using var scenario = new Scenario();
        using var node = new NodeFactory(Path.Combine(scenario.Folder, "node"), NodeFactory.FreePort());
        await using var reader = await HarmonyConnection.CreateAsync(scenario.Options(node.BaseAddress, "reader.db"), scenario.Key);
        await using var writer = await HarmonyConnection.CreateAsync(scenario.Options(node.BaseAddress, "writer.db"), scenario.Key, new TestEncryptor());
        await reader.StartAsync();
        await writer.StartAsync();
        await scenario.CreateCommunityAsync(reader);
        await reader.WatchAsync(scenario.ChannelId, scenario.RootCapabilityId);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var envelopes = reader.ReadEnvelopesAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        await writer.SendMessageAsync(scenario.ChannelId, "one"u8.ToArray(), scenario.RootCapabilityId);
        Assert.True(await envelopes.MoveNextAsync());
        Assert.Equal(1, envelopes.Current.Seq);

        // The server stops sending this channel's events to the reader behind the SDK's back, so it misses seq 2.
        await reader.InvokeAsync(HubMethods.Unwatch, [scenario.ChannelId]);
        await writer.SendMessageAsync(scenario.ChannelId, "two"u8.ToArray(), scenario.RootCapabilityId);
        await Wait.UntilAsync(async () => await writer.Store.CountQueuedAsync() == 0, "the offline queue to drain", 15_000);
        await reader.InvokeAsync<WatchResult>(HubMethods.Watch, [scenario.ChannelId, scenario.RootCapabilityId]);
        await writer.SendMessageAsync(scenario.ChannelId, "three"u8.ToArray(), scenario.RootCapabilityId);

        // The event for seq 3 reveals the gap; the SDK syncs and delivers 2 then 3, each once.
        Assert.True(await envelopes.MoveNextAsync());
        Assert.Equal(2, envelopes.Current.Seq);
        Assert.True(await envelopes.MoveNextAsync());
        Assert.Equal(3, envelopes.Current.Seq);

        await writer.InvokeAsync("Typing", [scenario.ChannelId, scenario.RootCapabilityId]);
        await using var typing = reader.ReadTypingAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await typing.MoveNextAsync());
        Assert.Equal(new TypingSignal(scenario.ChannelId, writer.Did), typing.Current);
    }
}
