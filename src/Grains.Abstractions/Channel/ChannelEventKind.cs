namespace Harmony.Grains.Abstractions.Channel;

/// <summary>The kind of a <see cref="ChannelEvent"/>.</summary>
[GenerateSerializer, Alias("harmony.channel.event-kind")]
public enum ChannelEventKind
{
    /// <summary>A logged envelope.</summary>
    Envelope = 0,

    /// <summary>An ephemeral typing signal.</summary>
    Typing = 1,

    /// <summary>A member joined or left the channel's community (ephemeral; clients add or remove MLS leaves).</summary>
    Membership = 2,
}
