namespace Harmony.Grains.Abstractions.Channel;

/// <summary>A channel's head state.</summary>
[GenerateSerializer, Immutable, Alias("harmony.channel.info")]
public sealed record ChannelInfo
{
    /// <summary>The owning community.</summary>
    [Id(0)] public required string CommunityId { get; init; }

    /// <summary>The channel id.</summary>
    [Id(1)] public required string ChannelId { get; init; }

    /// <summary>Display name.</summary>
    [Id(2)] public required string Name { get; init; }

    /// <summary>The channel kind.</summary>
    [Id(3)] public ChannelKind Kind { get; init; }

    /// <summary>Slow-mode interval per author.</summary>
    [Id(4)] public TimeSpan SlowMode { get; init; }

    /// <summary>The highest sequence number in the log (0 when empty).</summary>
    [Id(5)] public long LastSeq { get; init; }

    /// <summary>For a thread, the parent channel.</summary>
    [Id(6)] public string? ParentChannelId { get; init; }

    /// <summary>For a thread, its root message id.</summary>
    [Id(7)] public string? ThreadRootId { get; init; }

    /// <summary>Thread channel ids started in this channel.</summary>
    [Id(8)] public IReadOnlyList<string> Threads { get; init; } = [];

    /// <summary>Pinned message ids.</summary>
    [Id(9)] public IReadOnlyList<string> Pins { get; init; } = [];

    /// <summary>Appends accepted but not yet durable (waiting for the next group commit).</summary>
    [Id(10)] public int PendingAppends { get; init; }

    /// <summary>Group commits written since activation.</summary>
    [Id(11)] public long BatchesWritten { get; init; }

    /// <summary>The MLS epoch the channel's group is in: the next Commit must be for this epoch.</summary>
    [Id(12)] public ulong MlsEpoch { get; init; }
}
