namespace Harmony.Grains.Abstractions.Channel;

/// <summary>How a community initializes one of its channels (server-internal: called by the community grain).</summary>
[GenerateSerializer, Immutable, Alias("harmony.channel.setup")]
public sealed record ChannelSetup
{
    /// <summary>The owning community.</summary>
    [Id(0)] public required string CommunityId { get; init; }

    /// <summary>The channel id.</summary>
    [Id(1)] public required string ChannelId { get; init; }

    /// <summary>Display name.</summary>
    [Id(2)] public required string Name { get; init; }

    /// <summary>The channel kind.</summary>
    [Id(3)] public ChannelKind Kind { get; init; }

    /// <summary>Slow-mode interval per author; zero disables it.</summary>
    [Id(4)] public TimeSpan SlowMode { get; init; }

    /// <summary>For a thread, the parent channel.</summary>
    [Id(5)] public string? ParentChannelId { get; init; }

    /// <summary>For a thread, the id of its root message in the parent channel.</summary>
    [Id(6)] public string? ThreadRootId { get; init; }
}
