using Microsoft.AspNetCore.SignalR;

namespace Harmony.Bench.Load.Baseline;

/// <summary>A bare relay hub with Harmony's method names and payload shapes.</summary>
public sealed class RawHub(SequenceCounter counter) : Hub
{
    public async Task<WatchResult> Watch(string channelId, string capabilityId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, "channel:" + channelId);
        return new WatchResult(channelId, 0);
    }

    public async Task<AppendResult> Send(byte[] envelope, string? capabilityId, string? invocation)
    {
        var seq = counter.Next();
        await Clients.Group("channel:" + RawEnvelope.Channel).SendAsync("envelope", new EnvelopeEvent(RawEnvelope.Channel, seq, envelope));
        return new AppendResult(seq, false);
    }
}
