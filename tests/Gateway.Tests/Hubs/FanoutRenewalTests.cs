using Harmony.Gateway.Hubs;
using Harmony.Gateway.Tests.Infrastructure;
using Harmony.Grains.Abstractions.Channel;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;

namespace Harmony.Gateway.Tests.Hubs;

/// <summary>
/// A channel grain keeps its gateway watchers in memory only: after it is reactivated (here: deactivated on purpose;
/// in production after a silo failure) the gateway's periodic renewal registers it again and live delivery resumes.
/// </summary>
public sealed class FanoutRenewalTests : IDisposable
{
    private readonly GatewayFactory _node = new(settings: new Dictionary<string, string> { ["Harmony:Gateway:FanoutRenewInterval"] = "00:00:00.200" });

    [Fact]
    public async Task Live_delivery_resumes_after_the_channel_grain_is_reactivated()
    {
        using var alice = new TestUser();
        await using var a = await alice.ConnectAsync(_node, messagePack: true);
        var community = await Community.CreateAsync(alice, a);
        var events = HubFlowTests.Events(a);
        await a.InvokeAsync<WatchResult>(nameof(HarmonyHub.Watch), community.ChannelId, community.RootCapabilityId);
        var first = alice.Envelope(community.ChannelId);
        await a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), first, community.RootCapabilityId, null);
        Assert.Equal(first, (await Wait.ReadAsync(events)).Envelope);

        // BatchesWritten is kept in memory: 0 proves a new activation, which starts without watchers.
        var channel = _node.Services.GetRequiredService<IGrainFactory>().GetGrain<IChannelGrain>(community.ChannelId);
        Assert.Equal(1, (await channel.GetInfoAsync()).BatchesWritten);
        await channel.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        using (var reactivated = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            while ((await channel.GetInfoAsync()).BatchesWritten != 0) await Task.Delay(20, reactivated.Token);

        // Sends reach the log at once; the watcher is back within a renewal period, after which each send arrives.
        var delivered = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!delivered)
        {
            if (timeout.IsCancellationRequested) throw new TimeoutException("Live delivery did not resume after the reactivation.");
            var envelope = alice.Envelope(community.ChannelId);
            var seq = (await a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), envelope, community.RootCapabilityId, null)).Seq;
            try
            {
                var e = await Wait.ReadAsync(events, 500);
                while (e.Seq < seq) e = await Wait.ReadAsync(events, 500);
                delivered = e.Seq == seq && e.Envelope.SequenceEqual(envelope);
            }
            catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
            {
                // Not registered again yet: try another send.
            }
        }
    }

    public void Dispose() => _node.Dispose();
}
