using System.Collections.Concurrent;
using Harmony.Client.Chat;
using Harmony.Client.Protocol;
using Harmony.Core.Protocol;
using Harmony.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Harmony.EndToEnd.Tests.Chat;

/// <summary>
/// Scenario 2: the node process is killed hard in the middle of a two-way exchange and started again on the same port
/// and data. The SDK clients reconnect on their own, send what they queued meanwhile, and resync: each live tail ends
/// with exactly the set of messages sent, every history holds each message once, decrypted, and the server's log
/// holds each envelope once with gapless sequence numbers.
/// </summary>
public sealed class ServerCrashTests(ITestOutputHelper output)
{
    private const int PerSide = 100;

    [Fact]
    public async Task A_killed_node_restarts_and_the_clients_resync_with_no_loss_and_no_duplicates()
    {
        await using var server = await ServerProcess.StartAsync(new ServerProcessOptions { Name = "crashing" });
        await using var alice = await ChatUser.ConnectAsync(server, "alice");
        await using var bob = await ChatUser.ConnectAsync(server, "bob");
        var (community, channel) = await ChatScenario.CommunityWithAsync(alice, bob);

        using var stopTails = new CancellationTokenSource();
        var aliceTail = Tail(alice, channel, stopTails.Token);
        var bobTail = Tail(bob, channel, stopTails.Token);
        var sent = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        // Both tails are live once they see a first message.
        var probe = await alice.Client.SendAsync(channel, "probe");
        sent[probe] = "probe";
        await Wait.UntilAsync(() => aliceTail.ContainsKey(probe) && bobTail.ContainsKey(probe), ChatScenario.StepTimeout, "both tails are live");

        var failedSends = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var halfway = new CountdownEvent(2);
        async Task SendAllAsync(ChatUser user)
        {
            for (var i = 0; i < PerSide; i++)
            {
                if (i == PerSide / 2 && halfway.Signal()) _ = KillAsync();
                var text = $"{user.Name} {i} {Guid.NewGuid():N}";
                // A send racing the crash can fail before it is queued (nothing was sent): the user sends it again.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        sent[await user.Client.SendAsync(channel, text)] = text;
                        break;
                    }
                    catch (Exception e) when (attempt < 50 && e is not Harmony.Client.HarmonyClientException { Code: ChatErrorCodes.NoGroup })
                    {
                        failedSends.AddOrUpdate(user.Name, 1, (_, n) => n + 1);
                        output.WriteLine($"{user.Name} send {i} attempt {attempt}: {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        }
        async Task KillAsync()
        {
            await server.KillAsync();
            killed.SetResult();
        }

        await Task.WhenAll(SendAllAsync(alice), SendAllAsync(bob));
        await killed.Task;
        output.WriteLine($"sent {sent.Count}, {failedSends.Values.Sum()} sends failed and were sent again; node killed mid-exchange; queued: alice {await alice.Client.Connection.Store.CountQueuedAsync()}, bob {await bob.Client.Connection.Store.CountQueuedAsync()}");
        await server.StartAgainAsync();

        // The clients reconnect by themselves; the live tails converge on exactly what was sent.
        string Diagnostics() => $"alice's tail has {aliceTail.Count}, bob's {bobTail.Count} of {sent.Count}; alice {alice.Client.Connection.State}, bob {bob.Client.Connection.State}{Environment.NewLine}{server.Describe()}";
        await Wait.UntilAsync(() => aliceTail.Count >= sent.Count && bobTail.Count >= sent.Count, ChatScenario.StepTimeout, "both tails have every message", Diagnostics);
        Assert.Equal(HubConnectionState.Connected, alice.Client.Connection.State);
        Assert.Equal(HubConnectionState.Connected, bob.Client.Connection.State);
        var expected = sent.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, aliceTail.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(expected, bobTail.Keys.Order(StringComparer.Ordinal));

        foreach (var user in new[] { alice, bob })
        {
            var history = await user.Client.HistoryAsync(channel, limit: 10_000);
            var logged = history.Where(m => m.Seq > 0).ToList();
            Assert.Equal(expected, logged.Select(m => m.Id).Order(StringComparer.Ordinal));
            Assert.All(logged, m => Assert.True(m.DecryptionError is null && m.Text == sent[m.Id], $"{user.Name}: {m.Id} text={m.Text} error={m.DecryptionError}"));
            // A send that threw (the connection died under it) was never queued, yet the SDK keeps its local pending
            // copy (seq 0) in the sender's own history: at most one per failed send, never anyone else's.
            var pending = history.Where(m => m.Seq == 0).ToList();
            if (pending.Count > 0) output.WriteLine($"{user.Name}: {pending.Count} never-sent pending copies of failed sends in the local history");
            Assert.True(pending.Count <= failedSends.GetValueOrDefault(user.Name), $"{user.Name} has {pending.Count} unsent messages but only {failedSends.GetValueOrDefault(user.Name)} sends failed");
            Assert.All(pending, m => Assert.Equal(user.Did, m.Author));
        }

        // The server's log: every message once, sequence numbers 1..lastSeq without gaps.
        var entries = new List<LogPageEntry>();
        long lastSeq;
        do
        {
            var page = await alice.Client.Connection.InvokeAsync<LogPage>("Sync", [channel, entries.Count == 0 ? 0L : entries[^1].Seq, 200, community.RootCapabilityId]);
            entries.AddRange(page.Entries);
            lastSeq = page.LastSeq;
            if (page.Entries.Count == 0) break;
        } while (entries[^1].Seq < lastSeq);
        Assert.Equal(Enumerable.Range(1, (int)lastSeq).Select(i => (long)i), entries.Select(e => e.Seq));
        var messages = entries.Select(e => EnvelopeCodec.Decode(e.Envelope)).Where(e => e.Kind == EnvelopeKind.Message).Select(e => e.Id).ToList();
        Assert.Equal(expected, messages.Order(StringComparer.Ordinal));
        await stopTails.CancelAsync();
    }

    /// <summary>Ids of the logged (seq &gt; 0) messages <paramref name="user"/>'s live tail yields, until <paramref name="stop"/>.</summary>
    private static ConcurrentDictionary<string, bool> Tail(ChatUser user, string channel, CancellationToken stop)
    {
        var logged = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in user.Client.TailAsync(channel, stop))
                {
                    if (message.Seq > 0) logged[message.Id] = true;
                }
            }
            catch (OperationCanceledException) { }
        }, CancellationToken.None);
        return logged;
    }
}
