namespace Harmony.Grains.Abstractions.Member;

/// <summary>A direct-message conversation in a member's DM index.</summary>
[GenerateSerializer, Immutable, Alias("harmony.member.dm")]
public sealed record DirectMessageLink
{
    /// <summary>The other member's DID.</summary>
    [Id(0)] public required string Peer { get; init; }

    /// <summary>The DM channel id.</summary>
    [Id(1)] public required string ChannelId { get; init; }

    /// <summary>The community that hosts the DM channel (null for links a client added with AddDirectMessage).</summary>
    [Id(2)] public string? CommunityId { get; init; }

    /// <summary>The capability this member uses for the DM channel: the root for its opener, the delegated one for the peer.</summary>
    [Id(3)] public string? CapabilityId { get; init; }
}
