namespace Harmony.Core.Errors;

/// <summary>
/// Base of every typed Harmony error. <see cref="Code"/> is a stable machine-readable code (for example
/// <c>did.malformed</c> or <c>zcap.expired</c>) that clients and tests match on; the message is for people and never
/// contains secret material.
/// </summary>
public class HarmonyException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The stable error code.</summary>
    public string Code { get; } = code;

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} [{Code}]: {Message}";
}
