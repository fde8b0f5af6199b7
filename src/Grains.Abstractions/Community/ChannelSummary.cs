using Harmony.Grains.Abstractions.Channel;

namespace Harmony.Grains.Abstractions.Community;

/// <summary>A channel as listed by its community.</summary>
[GenerateSerializer, Immutable, Alias("harmony.community.channel-summary")]
public sealed record ChannelSummary
{
    /// <summary>The channel id (also the stream key).</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Display name.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>Text, voice or announcement.</summary>
    [Id(2)] public ChannelKind Kind { get; init; }

    /// <summary>The category it is listed under, or null.</summary>
    [Id(3)] public string? CategoryId { get; init; }
}
