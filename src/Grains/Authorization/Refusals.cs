using Harmony.Core.Capabilities;
using Harmony.Core.Protocol;
using Harmony.Grains.Abstractions.Errors;

namespace Harmony.Grains.Authorization;

/// <summary>Builds the <see cref="GrainRequestException"/>s grains throw, so codes stay those of <see cref="ErrorCodes"/>.</summary>
internal static class Refusals
{
    public static GrainRequestException Unauthorized(string message) => new(ErrorCodes.Unauthorized, message);

    public static GrainRequestException CapabilityInvalid(string message) => new(ErrorCodes.CapabilityInvalid, message);

    public static GrainRequestException Banned(string did) => new(ErrorCodes.Banned, $"'{did}' is banned from this community.");

    public static GrainRequestException NotFound(string message) => new(ErrorCodes.NotFound, message);

    public static GrainRequestException Conflict(string message) => new(ErrorCodes.Conflict, message);

    public static GrainRequestException BadRequest(string message) => new(ErrorCodes.BadRequest, message);

    public static GrainRequestException TooLarge(string message) => new(ErrorCodes.TooLarge, message);

    public static GrainRequestException InvalidEnvelope(string message) => new(ErrorCodes.InvalidEnvelope, message);

    public static GrainRequestException EpochMismatch(string message) => new(ErrorCodes.EpochMismatch, message);

    public static GrainRequestException SlowMode(TimeSpan retryAfter) =>
        new(ErrorCodes.SlowMode, $"Slow mode: retry in {Math.Ceiling(retryAfter.TotalSeconds)} s.", retryAfter);

    /// <summary>A ZCAP failure; the zcap code is kept in the message so audits can tell failures apart.</summary>
    public static GrainRequestException From(CapabilityException e) => new(ErrorCodes.CapabilityInvalid, $"[{e.Code}] {e.Message}");
}
