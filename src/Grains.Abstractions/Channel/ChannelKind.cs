namespace Harmony.Grains.Abstractions.Channel;

/// <summary>What a channel is for. Stable numeric values: they are stored.</summary>
[GenerateSerializer, Alias("harmony.channel.kind")]
public enum ChannelKind
{
    /// <summary>A text channel.</summary>
    Text = 0,

    /// <summary>A voice channel (its log carries the MLS group and text chat beside the call).</summary>
    Voice = 1,

    /// <summary>An announcement channel: only holders of <c>Moderate</c> may post.</summary>
    Announcement = 2,

    /// <summary>A thread: a child channel tied to a root message of its parent.</summary>
    Thread = 3,
}
