using Harmony.Core.Errors;
using Harmony.Core.Protocol;
using Harmony.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.Http;

namespace Harmony.Gateway.Errors;

/// <summary>Maps refusals (grain, protocol, gateway) to the protocol's <see cref="ErrorBody"/> and HTTP status codes.</summary>
public static class ErrorTranslator
{
    /// <summary>The error body for a typed refusal; null for an exception that is not a refusal.</summary>
    public static ErrorBody? FromException(Exception exception) => exception switch
    {
        GrainRequestException g => new ErrorBody(g.Code, g.Message, ToMs(g.RetryAfter)),
        ProtocolException p => new ErrorBody(p.Code, p.Message, ToMs(p.RetryAfter)),
        // Other Harmony errors (Core decoding, DID parsing) are bad input from the caller.
        HarmonyException h => new ErrorBody(ErrorCodes.BadRequest, h.Message),
        _ => null,
    };

    /// <summary>The HTTP status for an error code.</summary>
    public static int StatusFor(string code) => code switch
    {
        ErrorCodes.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorCodes.CapabilityInvalid or ErrorCodes.Banned => StatusCodes.Status403Forbidden,
        ErrorCodes.RateLimited or ErrorCodes.SlowMode => StatusCodes.Status429TooManyRequests,
        ErrorCodes.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.Conflict or ErrorCodes.EpochMismatch => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>An HTTP result carrying <paramref name="error"/> with its status code (or <paramref name="status"/>).</summary>
    public static IResult ToResult(ErrorBody error, int? status = null) =>
        Results.Json(error, statusCode: status ?? StatusFor(error.Code));

    private static long? ToMs(TimeSpan? delay) => delay is { } d ? (long)Math.Ceiling(Math.Max(0, d.TotalMilliseconds)) : null;
}
