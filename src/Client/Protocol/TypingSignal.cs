namespace Harmony.Client.Protocol;

/// <summary>Payload of the <c>typing</c> event.</summary>
/// <param name="ChannelId">The channel.</param>
/// <param name="Did">Who is typing.</param>
public sealed record TypingSignal(string ChannelId, string Did);
