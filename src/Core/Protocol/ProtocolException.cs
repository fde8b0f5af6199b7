using Harmony.Core.Errors;

namespace Harmony.Core.Protocol;

/// <summary>
/// A request was refused. <see cref="HarmonyException.Code"/> is one of <see cref="ErrorCodes"/>; <see cref="RetryAfter"/>
/// is set for rate limits and slow mode.
/// </summary>
public sealed class ProtocolException(string code, string message, TimeSpan? retryAfter = null) : HarmonyException(code, message)
{
    /// <summary>When the client may retry, for <c>RateLimited</c> and <c>SlowMode</c>.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
