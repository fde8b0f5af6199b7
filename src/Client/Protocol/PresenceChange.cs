namespace Harmony.Client.Protocol;

/// <summary>Payload of the <c>presence</c> event.</summary>
/// <param name="Did">The member.</param>
/// <param name="Online">Whether at least one of their connections is open.</param>
/// <param name="Connections">Open connections across gateways.</param>
/// <param name="LastSeen">When they last connected or disconnected.</param>
public sealed record PresenceChange(string Did, bool Online, int Connections, DateTimeOffset? LastSeen);
