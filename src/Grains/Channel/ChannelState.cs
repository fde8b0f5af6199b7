using Harmony.Grains.Abstractions.Channel;

namespace Harmony.Grains.Channel;

/// <summary>
/// A channel's small head state (the log itself is in <see cref="Storage.IMessageLogStore"/>), including the MLS
/// delivery-service state: the epoch the group is in (the next Commit must be for it) and the Commit that opened it.
/// </summary>
[GenerateSerializer, Alias("harmony.channel.state")]
internal sealed class ChannelState
{
    [Id(0)] public bool Initialized { get; set; }

    [Id(1)] public string CommunityId { get; set; } = "";

    [Id(2)] public string Name { get; set; } = "";

    [Id(3)] public ChannelKind Kind { get; set; }

    [Id(4)] public TimeSpan SlowMode { get; set; }

    [Id(5)] public string? ParentChannelId { get; set; }

    [Id(6)] public string? ThreadRootId { get; set; }

    [Id(7)] public List<string> Threads { get; set; } = [];

    [Id(8)] public List<string> Pins { get; set; } = [];

    [Id(9)] public ulong MlsEpoch { get; set; }

    [Id(10)] public string? MlsEpochCommitId { get; set; }
}
