namespace Harmony.Gateway.Hubs;

/// <summary>Names of the server-to-client hub events (docs/protocol.md §4.5).</summary>
public static class HubEvents
{
    /// <summary>A logged envelope in a watched channel (<see cref="EnvelopeEvent"/>).</summary>
    public const string Envelope = "envelope";

    /// <summary>A typing signal in a watched channel (<see cref="TypingEvent"/>).</summary>
    public const string Typing = "typing";

    /// <summary>A member joined or left the community of a watched channel (<see cref="MembershipEvent"/>).</summary>
    public const string Membership = "membership";

    /// <summary>A watched member's presence changed (<see cref="PresenceEvent"/>).</summary>
    public const string Presence = "presence";
}
