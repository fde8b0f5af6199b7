using Harmony.Grains.Abstractions.Channel;

namespace Harmony.Grains.Abstractions.Community;

/// <summary>A channel to create. The invocation must name the same <c>channel</c> id.</summary>
[GenerateSerializer, Immutable, Alias("harmony.community.channel-spec")]
public sealed record ChannelSpec
{
    /// <summary>The new channel id (letters, digits, '-' and '_', at most 64).</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Display name.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>Text, voice or announcement.</summary>
    [Id(2)] public ChannelKind Kind { get; init; }

    /// <summary>An existing category, or null.</summary>
    [Id(3)] public string? CategoryId { get; init; }

    /// <summary>Minimum interval between one author's messages; zero disables slow mode.</summary>
    [Id(4)] public TimeSpan SlowMode { get; init; }
}
