namespace Harmony.Grains.Abstractions.Community;

/// <summary>One moderation or administration act, stored as the signed invocation that authorized it.</summary>
[GenerateSerializer, Immutable, Alias("harmony.community.audit")]
public sealed record AuditEntry
{
    /// <summary>Position in the community's audit log.</summary>
    [Id(0)] public long Seq { get; init; }

    /// <summary>The invoked action.</summary>
    [Id(1)] public required string Action { get; init; }

    /// <summary>The invoker's DID.</summary>
    [Id(2)] public required string Actor { get; init; }

    /// <summary>The signed invocation (JSON text).</summary>
    [Id(3)] public required string Invocation { get; init; }

    /// <summary>When it was accepted (server clock).</summary>
    [Id(4)] public DateTimeOffset At { get; init; }
}
