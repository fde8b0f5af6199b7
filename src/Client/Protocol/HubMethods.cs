namespace Harmony.Client.Protocol;

/// <summary>Hub method and event names used by the SDK (docs/protocol.md §4.4–4.5).</summary>
public static class HubMethods
{
    /// <summary>Start a channel's events.</summary>
    public const string Watch = "Watch";

    /// <summary>Stop a channel's events.</summary>
    public const string Unwatch = "Unwatch";

    /// <summary>Append an envelope.</summary>
    public const string Send = "Send";

    /// <summary>Read a log page.</summary>
    public const string Sync = "Sync";

    /// <summary>Start presence events for a DID.</summary>
    public const string WatchPresence = "WatchPresence";

    /// <summary>The typing event.</summary>
    public const string TypingEvent = "typing";

    /// <summary>The presence event.</summary>
    public const string PresenceEvent = "presence";

    /// <summary>The membership event.</summary>
    public const string MembershipEvent = "membership";

    /// <summary>The envelope event.</summary>
    public const string EnvelopeEvent = "envelope";
}
