namespace Harmony.Grains.Abstractions.Community;

/// <summary>A community's public head state.</summary>
[GenerateSerializer, Immutable, Alias("harmony.community.info")]
public sealed record CommunityInfo
{
    /// <summary>The community id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Display name.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>The owner's DID.</summary>
    [Id(2)] public required string Owner { get; init; }

    /// <summary><c>urn:zcap:root:</c> + encodeURIComponent(community target).</summary>
    [Id(3)] public required string RootCapabilityId { get; init; }

    /// <summary>Whether the community admits without invites.</summary>
    [Id(4)] public bool Open { get; init; }

    /// <summary>Channels, in creation order.</summary>
    [Id(5)] public IReadOnlyList<ChannelSummary> Channels { get; init; } = [];

    /// <summary>Channel categories.</summary>
    [Id(6)] public IReadOnlyList<CategoryInfo> Categories { get; init; } = [];

    /// <summary>Role templates.</summary>
    [Id(7)] public IReadOnlyList<RoleTemplate> Roles { get; init; } = [];

    /// <summary>Credentials a joiner must present.</summary>
    [Id(8)] public IReadOnlyList<AdmissionRule> AdmissionRules { get; init; } = [];

    /// <summary>Number of members (the owner included).</summary>
    [Id(9)] public int MemberCount { get; init; }

    /// <summary>Bumped on every ban, unban, revocation or kick, so channel caches can tell they are stale.</summary>
    [Id(10)] public long PolicyVersion { get; init; }
}
