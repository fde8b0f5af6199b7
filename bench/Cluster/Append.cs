using Harmony.Grains.Abstractions.Authorization;
using Harmony.Grains.Abstractions.Channel;

namespace Harmony.Bench.Cluster;

/// <summary>One prepared append: the channel grain, the signed envelope and the author's capability proof.</summary>
internal sealed record Append(IChannelGrain Channel, byte[] Envelope, CapabilityProof Proof)
{
    public Task<AppendResult> SendAsync() => Channel.AppendAsync(Envelope, Proof);
}
