using Harmony.Client.Connection;
using Harmony.Client.Protocol;
using Harmony.Client.Tests.Infrastructure;
using Harmony.Core.Protocol;
using Microsoft.AspNetCore.SignalR.Client;

namespace Harmony.Client.Tests;

public sealed class ReconnectTests
{
    [Fact]
    public async Task After_a_server_restart_the_connection_comes_back_rewatches_and_resyncs_without_gaps_or_duplicates()
    {
        await using var scenario = new Scenario();
        var nodeFolder = Path.Combine(scenario.Folder, "node");
        var port = NodeFactory.FreePort();
        var node = new NodeFactory(nodeFolder, port);
        try
        {
            await using var reader = await HarmonyConnection.CreateAsync(scenario.Options(node.BaseAddress, "reader.db"), scenario.Key);
            await reader.StartAsync();
            await scenario.CreateCommunityAsync(reader);
            await reader.WatchAsync(scenario.ChannelId, scenario.RootCapabilityId);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await using var envelopes = reader.ReadEnvelopesAsync(cts.Token).GetAsyncEnumerator(cts.Token);

            var ids = new List<string>();
            await using (var writer = await HarmonyConnection.CreateAsync(scenario.Options(node.BaseAddress, "writer.db"), scenario.Key, new TestEncryptor()))
            {
                await writer.StartAsync();
                ids.Add(await writer.SendMessageAsync(scenario.ChannelId, "before"u8.ToArray(), scenario.RootCapabilityId));
                Assert.True(await envelopes.MoveNextAsync());
                Assert.Equal(1, envelopes.Current.Seq);
            }

            // Restart the node: same data folder (SQLite, instance key) and HTTP port.
            node.Dispose();
            node = new NodeFactory(nodeFolder, port);

            // Messages written after the restart, while the reader may still be reconnecting.
            await using (var writer = await HarmonyConnection.CreateAsync(scenario.Options(node.BaseAddress, "writer2.db"), scenario.Key, new TestEncryptor()))
            {
                await writer.StartAsync();
                ids.Add(await writer.SendMessageAsync(scenario.ChannelId, "during"u8.ToArray(), scenario.RootCapabilityId));
                ids.Add(await writer.SendMessageAsync(scenario.ChannelId, "after"u8.ToArray(), scenario.RootCapabilityId));
                await Wait.UntilAsync(async () => await writer.Store.CountQueuedAsync() == 0, "the offline queue to drain", 15_000);
            }

            var received = new List<ChannelEnvelope>();
            while (received.Count < 2)
            {
                Assert.True(await envelopes.MoveNextAsync());
                received.Add(envelopes.Current);
            }
            Assert.Equal([2L, 3L], received.Select(e => e.Seq));
            Assert.Equal(ids[1..], received.Select(e => EnvelopeCodec.Decode(e.Envelope).Id));
            Assert.Equal(HubConnectionState.Connected, reader.State);
            Assert.Equal(3, reader.LastSeq(scenario.ChannelId));
            Assert.Equal(3, await reader.Store.GetCursorAsync(scenario.ChannelId));
        }
        finally
        {
            node.Dispose();
        }
    }
}
