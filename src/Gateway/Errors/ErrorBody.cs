using System.Text.Json.Serialization;

namespace Harmony.Gateway.Errors;

/// <summary>
/// The machine-readable error of every refusal: the HTTP error body, and the message of a hub <c>HubException</c>
/// (as JSON text). <see cref="Code"/> is one of <c>Harmony.Core.Protocol.ErrorCodes</c>.
/// </summary>
/// <param name="Code">The protocol error code.</param>
/// <param name="Message">A human-readable explanation (never secrets).</param>
/// <param name="RetryAfterMs">For <c>RateLimited</c> and <c>SlowMode</c>: milliseconds to wait before retrying.</param>
public sealed record ErrorBody(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("retryAfterMs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? RetryAfterMs = null)
{
    /// <summary>The JSON text of this error.</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this);
}
