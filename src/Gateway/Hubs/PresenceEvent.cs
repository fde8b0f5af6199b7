namespace Harmony.Gateway.Hubs;

/// <summary>Payload of the <c>presence</c> event.</summary>
/// <param name="Did">The member.</param>
/// <param name="Online">Whether at least one connection is open.</param>
/// <param name="Connections">Open connections across gateways.</param>
/// <param name="LastSeen">When the member last connected or disconnected.</param>
public sealed record PresenceEvent(string Did, bool Online, int Connections, DateTimeOffset? LastSeen);
