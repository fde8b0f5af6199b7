namespace Harmony.Grains.Abstractions.Community;

/// <summary>A channel category.</summary>
[GenerateSerializer, Immutable, Alias("harmony.community.category")]
public sealed record CategoryInfo
{
    /// <summary>The category id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Display name.</summary>
    [Id(1)] public required string Name { get; init; }
}
