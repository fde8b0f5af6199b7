using Harmony.Client.Connection;
using Harmony.Client.Protocol;
using Harmony.Client.Tests.Infrastructure;
using Harmony.Core.Protocol;

namespace Harmony.Client.Tests;

public sealed class OfflineQueueTests
{
    [Fact]
    public async Task Queued_envelopes_survive_an_sdk_restart_and_reach_the_log_once()
    {
        await using var scenario = new Scenario();
        using var node = new NodeFactory(Path.Combine(scenario.Folder, "node"), NodeFactory.FreePort());
        await using var admin = await HarmonyConnection.CreateAsync(scenario.Options(node.BaseAddress, "admin.db"), scenario.Key);
        await admin.StartAsync();
        await scenario.CreateCommunityAsync(admin);

        // Offline: the SDK is never started, so sends only go to the queue.
        string first, second;
        await using (var offline = await HarmonyConnection.CreateAsync(scenario.Options(node.BaseAddress, "device.db"), scenario.Key, new TestEncryptor()))
        {
            first = await offline.SendMessageAsync(scenario.ChannelId, "hello"u8.ToArray(), scenario.RootCapabilityId);
            second = await offline.SendMessageAsync(scenario.ChannelId, "again"u8.ToArray(), scenario.RootCapabilityId);
            Assert.Equal(2, await offline.Store.CountQueuedAsync());
        }
        Assert.Empty((await SyncAsync(admin, scenario)).Entries);

        // The application restarts: the queue is still there and is sent on connect.
        await using (var restarted = await HarmonyConnection.CreateAsync(scenario.Options(node.BaseAddress, "device.db"), scenario.Key, new TestEncryptor()))
        {
            Assert.Equal([first, second], (await restarted.Store.QueuedAsync()).Select(q => q.Id));
            await restarted.StartAsync();
            await Wait.UntilAsync(async () => await restarted.Store.CountQueuedAsync() == 0, "the offline queue to drain", 15_000);

            // A crash between the server's acknowledgement and the local removal leaves an envelope queued: resending it is harmless.
            var log = await SyncAsync(admin, scenario);
            await restarted.Store.EnqueueAsync(new Storage.QueuedEnvelope(first, scenario.ChannelId, log.Entries[0].Envelope, scenario.RootCapabilityId));
            await restarted.FlushAsync();
            Assert.Equal(0, await restarted.Store.CountQueuedAsync());
        }

        var page = await SyncAsync(admin, scenario);
        Assert.Equal([1L, 2L], page.Entries.Select(e => e.Seq));
        Assert.Equal([first, second], page.Entries.Select(e => EnvelopeCodec.Decode(e.Envelope).Id));
        var decoded = EnvelopeCodec.Decode(page.Entries[0].Envelope);
        Assert.Equal([.. TestEncryptor.Marker, .. "hello"u8.ToArray()], decoded.Ciphertext);
        Assert.True(EnvelopeCodec.Verify(decoded));
        Assert.True(EnvelopeCodec.Decode(page.Entries[1].Envelope).Lamport > decoded.Lamport);
    }

    [Fact]
    public async Task Without_an_encryptor_sending_fails_closed_and_queues_nothing()
    {
        await using var scenario = new Scenario();
        await using var connection = await HarmonyConnection.CreateAsync(scenario.Options(new Uri("http://127.0.0.1:9/"), "device.db"), scenario.Key);
        var e = await Assert.ThrowsAsync<HarmonyClientException>(() => connection.SendMessageAsync("general", "secret"u8.ToArray(), "cap"));
        Assert.Equal("client.no_encryptor", e.Code);
        Assert.Equal(0, await connection.Store.CountQueuedAsync());
    }

    [Fact]
    public async Task A_failing_encryptor_sends_nothing()
    {
        await using var scenario = new Scenario();
        await using var connection = await HarmonyConnection.CreateAsync(scenario.Options(new Uri("http://127.0.0.1:9/"), "device.db"), scenario.Key, new FailingEncryptor());
        var e = await Assert.ThrowsAsync<HarmonyClientException>(() => connection.SendMessageAsync("general", "secret"u8.ToArray(), "cap"));
        Assert.Equal("client.encrypt_failed", e.Code);
        Assert.Equal(0, await connection.Store.CountQueuedAsync());
    }

    [Fact]
    public void Backoff_grows_exponentially_with_jitter_up_to_the_maximum()
    {
        var policy = new BackoffRetryPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromMilliseconds(50), policy.Delay(0, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(100), policy.Delay(0, 1));
        Assert.Equal(TimeSpan.FromMilliseconds(800), policy.Delay(3, 1));
        Assert.Equal(TimeSpan.FromMilliseconds(400), policy.Delay(3, 0));
        Assert.Equal(TimeSpan.FromSeconds(5), policy.Delay(40, 1));
        Assert.Equal(TimeSpan.FromSeconds(2.5), policy.Delay(long.MaxValue, 0));
    }

    internal static Task<LogPage> SyncAsync(HarmonyConnection connection, Scenario scenario) =>
        connection.InvokeAsync<LogPage>(HubMethods.Sync, [scenario.ChannelId, 0L, 100, scenario.RootCapabilityId]);

    private sealed class FailingEncryptor : Encryption.IMessageEncryptor
    {
        public ValueTask<byte[]> EncryptAsync(string channelId, ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no group");
    }
}
