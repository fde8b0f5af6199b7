namespace Harmony.Client.Chat;

/// <summary>
/// An envelope this client queued (a message, edit, delete, reaction or pin) that the server refused for good; it was
/// removed from the offline queue. A refused message also carries the error in <see cref="ChatMessage.SendError"/>.
/// </summary>
/// <param name="EnvelopeId">The refused envelope's id (as returned by the send call).</param>
/// <param name="ChannelId">Its channel.</param>
/// <param name="Error">Why it was refused.</param>
public sealed record ChatSendFailure(string EnvelopeId, string ChannelId, ChatSendError Error);
