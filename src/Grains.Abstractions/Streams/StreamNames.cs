namespace Harmony.Grains.Abstractions.Streams;

/// <summary>
/// Names of the Orleans streams grains publish to. Each channel has one stream in <see cref="ChannelNamespace"/> of
/// provider <see cref="Provider"/>, keyed by the channel id (<c>StreamId.Create(ChannelNamespace, channelId)</c>), carrying <see cref="Channel.ChannelEvent"/>s.
/// Delivery is best effort: the channel log (paged by sequence number) is the source of truth.
/// </summary>
public static class StreamNames
{
    /// <summary>The stream provider name.</summary>
    public const string Provider = ProviderNames.Streams;

    /// <summary>The namespace of per-channel streams; the stream key is the channel id.</summary>
    public const string ChannelNamespace = "channel";
}
