namespace Harmony.Core.Protocol;

/// <summary>Error codes surfaced identically over SignalR and HTTP (see docs/protocol.md).</summary>
public static class ErrorCodes
{
    /// <summary>No valid session, or the session's DID is not the author.</summary>
    public const string Unauthorized = "Unauthorized";

    /// <summary>The capability chain or invocation does not authorize the action.</summary>
    public const string CapabilityInvalid = "CapabilityInvalid";

    /// <summary>Too many requests; see retryAfter.</summary>
    public const string RateLimited = "RateLimited";

    /// <summary>The channel's slow mode interval has not passed; see retryAfter.</summary>
    public const string SlowMode = "SlowMode";

    /// <summary>The author is banned from the community.</summary>
    public const string Banned = "Banned";

    /// <summary>The payload exceeds a configured size limit.</summary>
    public const string TooLarge = "TooLarge";

    /// <summary>The envelope is malformed, badly signed or inconsistent.</summary>
    public const string InvalidEnvelope = "InvalidEnvelope";

    /// <summary>An MLS Commit for an epoch that already has one (or a stale epoch).</summary>
    public const string EpochMismatch = "EpochMismatch";

    /// <summary>The thing named does not exist.</summary>
    public const string NotFound = "NotFound";

    /// <summary>The request conflicts with current state (e.g. already exists).</summary>
    public const string Conflict = "Conflict";

    /// <summary>The request's arguments are malformed.</summary>
    public const string BadRequest = "BadRequest";
}
