using Harmony.Gateway.Hubs;
using Harmony.Gateway.Tests.Infrastructure;
using Harmony.Grains.Abstractions.Channel;
using Microsoft.AspNetCore.SignalR.Client;

namespace Harmony.Gateway.Tests.Hubs;

/// <summary>A channel's connections spread over several fan-out shards each get every event, in sequence order.</summary>
public sealed class FanoutShardTests : IDisposable
{
    private const int Watchers = 8;
    private const int Messages = 30;
    private readonly GatewayFactory _node = new(settings: new Dictionary<string, string>
    {
        ["Harmony:Gateway:FanoutShards"] = "3",
        ["Harmony:Gateway:FanoutShardSize"] = "2",
    });

    [Fact]
    public async Task Every_watcher_gets_every_envelope_in_seq_order_across_shards()
    {
        using var owner = new TestUser();
        await using var o = await owner.ConnectAsync(_node, messagePack: true);
        var community = await Community.CreateAsync(owner, o);
        var users = Enumerable.Range(0, Watchers).Select(_ => new TestUser()).ToList();
        var connections = new List<HubConnection>();
        try
        {
            var inboxes = new List<System.Threading.Channels.Channel<EnvelopeEvent>>();
            foreach (var user in users)
            {
                var c = await user.ConnectAsync(_node, messagePack: true);
                connections.Add(c);
                var capability = await community.InviteAndJoinAsync(user, c);
                inboxes.Add(HubFlowTests.Events(c));
                await c.InvokeAsync<WatchResult>(nameof(HarmonyHub.Watch), community.ChannelId, capability);
            }

            // Pipelined sends: several are in flight at once and share group commits.
            var envelopes = Enumerable.Range(0, Messages).Select(_ => owner.Envelope(community.ChannelId)).ToList();
            var results = await Task.WhenAll(envelopes.Select(e => o.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), e, community.RootCapabilityId, null)));
            var bySeq = envelopes.Zip(results).OrderBy(x => x.Second.Seq).Select(x => x.First).ToList();

            foreach (var inbox in inboxes)
            {
                var received = new List<EnvelopeEvent>();
                for (var i = 0; i < Messages; i++) received.Add(await Wait.ReadAsync(inbox));
                Assert.Equal(Enumerable.Range(1, Messages).Select(i => (long)i), received.Select(e => e.Seq));
                Assert.Equal(bySeq, received.Select(e => e.Envelope));
            }
        }
        finally
        {
            foreach (var c in connections) await c.DisposeAsync();
            foreach (var u in users) u.Dispose();
        }
    }

    public void Dispose() => _node.Dispose();
}
