namespace Harmony.Grains.Abstractions.Community;

/// <summary>What a channel needs from its community to authorize calls: the root, bans and revocations, at a version. Channels cache it and the community pushes invalidations before acknowledging a ban or revocation.</summary>
[GenerateSerializer, Immutable, Alias("harmony.community.policy")]
public sealed record CommunityPolicy
{
    /// <summary>The community id.</summary>
    [Id(0)] public required string CommunityId { get; init; }

    /// <summary>The owner's DID (controller of the root capability).</summary>
    [Id(1)] public required string Owner { get; init; }

    /// <summary>The policy version.</summary>
    [Id(2)] public long Version { get; init; }

    /// <summary>Banned DIDs.</summary>
    [Id(3)] public IReadOnlyList<string> Banned { get; init; } = [];

    /// <summary>Revoked capability ids.</summary>
    [Id(4)] public IReadOnlyList<string> Revoked { get; init; } = [];

    /// <summary>
    /// Whether the community is open: its members (anyone who signed a join) act on the root capability's id for
    /// member-level actions (<see cref="Harmony.Core.Protocol.Actions.Read"/>, <c>SendMessage</c>, <c>React</c>,
    /// <c>AddMember</c>), as they hold no delegated capability.
    /// </summary>
    [Id(5)] public bool Open { get; init; }
}
