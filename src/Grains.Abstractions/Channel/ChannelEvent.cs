namespace Harmony.Grains.Abstractions.Channel;

/// <summary>
/// What a channel delivers to its watchers: a logged envelope with its sequence number, or an ephemeral typing or membership
/// signal (never logged).
/// </summary>
[GenerateSerializer, Immutable, Alias("harmony.channel.event")]
public sealed record ChannelEvent
{
    /// <summary>Envelope or typing.</summary>
    [Id(0)] public ChannelEventKind Kind { get; init; }

    /// <summary>The channel id.</summary>
    [Id(1)] public required string ChannelId { get; init; }

    /// <summary>The envelope's sequence number (0 for typing).</summary>
    [Id(2)] public long Seq { get; init; }

    /// <summary>The encoded envelope, for <see cref="ChannelEventKind.Envelope"/>.</summary>
    [Id(3)] public byte[]? Envelope { get; init; }

    /// <summary>The typing member's DID, for <see cref="ChannelEventKind.Typing"/>.</summary>
    [Id(4)] public string? Typist { get; init; }

    /// <summary>The member who joined or left, for <see cref="ChannelEventKind.Membership"/>.</summary>
    [Id(5)] public string? Member { get; init; }

    /// <summary>For <see cref="ChannelEventKind.Membership"/>: true when <see cref="Member"/> joined, false when they left or were removed.</summary>
    [Id(6)] public bool Joined { get; init; }
}
