namespace Harmony.Grains.Abstractions.Member;

/// <summary>A member's presence across gateways.</summary>
[GenerateSerializer, Immutable, Alias("harmony.member.presence")]
public sealed record PresenceInfo
{
    /// <summary>Whether at least one connection is open.</summary>
    [Id(0)] public bool Online { get; init; }

    /// <summary>Open connections across all gateways.</summary>
    [Id(1)] public int Connections { get; init; }

    /// <summary>When the member last connected or disconnected (null if never).</summary>
    [Id(2)] public DateTimeOffset? LastSeen { get; init; }
}
