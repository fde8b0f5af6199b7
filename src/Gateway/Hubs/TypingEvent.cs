namespace Harmony.Gateway.Hubs;

/// <summary>Payload of the <c>typing</c> event.</summary>
/// <param name="ChannelId">The channel.</param>
/// <param name="Did">Who is typing.</param>
public sealed record TypingEvent(string ChannelId, string Did);
