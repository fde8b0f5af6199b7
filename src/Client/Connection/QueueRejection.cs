namespace Harmony.Client.Connection;

/// <summary>A queued envelope the server refused for good (not a transient failure); it was removed from the queue.</summary>
/// <param name="EnvelopeId">The envelope id.</param>
/// <param name="ChannelId">Its channel.</param>
/// <param name="Error">The server's refusal.</param>
public sealed record QueueRejection(string EnvelopeId, string ChannelId, HarmonyServerException Error);
