namespace Harmony.Client.Chat;

/// <summary>A community's public head state (the hub's <c>CommunityInfo</c>, docs/protocol.md §4.5).</summary>
public sealed record CommunityInfo
{
    /// <summary>The community id.</summary>
    public required string Id { get; init; }

    /// <summary>Its display name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The owner's DID.</summary>
    public string Owner { get; init; } = "";

    /// <summary>The id of the community's root capability (held by the owner).</summary>
    public string RootCapabilityId { get; init; } = "";

    /// <summary>Whether anyone may join without an invite.</summary>
    public bool Open { get; init; }

    /// <summary>Its channels.</summary>
    public IReadOnlyList<ChannelSummary> Channels { get; init; } = [];

    /// <summary>How many members it has.</summary>
    public int MemberCount { get; init; }

    /// <summary>The version of its policy (roles, admission rules), increased on every change.</summary>
    public long PolicyVersion { get; init; }
}
