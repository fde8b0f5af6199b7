using Harmony.Core.Errors;
using Harmony.Core.Protocol;

namespace Harmony.Grains.Abstractions.Errors;

/// <summary>
/// A grain refused a request. <see cref="HarmonyException.Code"/> is one of <see cref="ErrorCodes"/>, so the gateway
/// surfaces exactly the protocol's codes; <see cref="RetryAfter"/> is set for <c>RateLimited</c> and <c>SlowMode</c>.
/// It crosses silo boundaries through <see cref="GrainRequestExceptionSurrogate"/> (the base type lives in Core, which
/// has no Orleans serializer), keeping code, message and retryAfter.
/// </summary>
public sealed class GrainRequestException(string code, string message, TimeSpan? retryAfter = null) : HarmonyException(code, message)
{
    /// <summary>When the caller may retry, for rate limits and slow mode.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The same refusal as a <see cref="ProtocolException"/> (for code shared with clients).</summary>
    public ProtocolException ToProtocolException() => new(Code, Message, RetryAfter);

    /// <summary>Wraps a protocol refusal (for example a malformed envelope) with the same code and retry time.</summary>
    public static GrainRequestException From(ProtocolException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new GrainRequestException(exception.Code, exception.Message, exception.RetryAfter);
    }
}
