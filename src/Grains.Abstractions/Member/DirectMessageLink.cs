namespace Harmony.Grains.Abstractions.Member;

/// <summary>A direct-message conversation in a member's DM index.</summary>
[GenerateSerializer, Immutable, Alias("harmony.member.dm")]
public sealed record DirectMessageLink
{
    /// <summary>The other member's DID.</summary>
    [Id(0)] public required string Peer { get; init; }

    /// <summary>The DM channel id.</summary>
    [Id(1)] public required string ChannelId { get; init; }
}
