namespace Harmony.Grains.Abstractions.Community;

/// <summary>A roster entry.</summary>
[GenerateSerializer, Immutable, Alias("harmony.community.member")]
public sealed record MemberInfo
{
    /// <summary>The member's DID.</summary>
    [Id(0)] public required string Did { get; init; }

    /// <summary>When the member joined (server clock).</summary>
    [Id(1)] public DateTimeOffset JoinedAt { get; init; }

    /// <summary>The capability the member joined with (null for the owner, who holds the root).</summary>
    [Id(2)] public string? CapabilityId { get; init; }
}
