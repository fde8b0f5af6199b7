namespace Harmony.Client.Chat;

/// <summary>Why one of this client's own messages was not sent: the server refused it for good (it will not be retried).</summary>
/// <param name="Code">The stable error code (a protocol code such as <c>CapabilityInvalid</c>, <c>Banned</c>, <c>TooLarge</c>, or a client code).</param>
/// <param name="Message">A human-readable reason.</param>
public sealed record ChatSendError(string Code, string Message);
