using Harmony.Core.Errors;

namespace Harmony.Grains.Storage;

/// <summary>
/// Invalid input to an <see cref="IMessageLogStore"/> (code <c>storage.log.invalid</c>) or input over a configured
/// limit (code <c>storage.log.limit</c>). Nothing was written.
/// </summary>
public class MessageLogException(string code, string message, Exception? inner = null) : HarmonyException(code, message, inner)
{
    /// <summary>Code for malformed input (empty channel, non-ascending sequence numbers, duplicate ids in a batch...).</summary>
    public const string InvalidCode = "storage.log.invalid";

    /// <summary>Code for input over a limit of <see cref="MessageLogOptions"/>.</summary>
    public const string LimitCode = "storage.log.limit";
}
