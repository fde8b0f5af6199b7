namespace Harmony.Grains.Abstractions.Member;

/// <summary>A member's public profile (metadata the member chose to publish).</summary>
[GenerateSerializer, Immutable, Alias("harmony.member.profile")]
public sealed record MemberProfile
{
    /// <summary>Display name.</summary>
    [Id(0)] public string? DisplayName { get; init; }

    /// <summary>Avatar location.</summary>
    [Id(1)] public string? AvatarUrl { get; init; }

    /// <summary>Short bio.</summary>
    [Id(2)] public string? Bio { get; init; }
}
