namespace Harmony.Grains.Abstractions.Member;

/// <summary>A claimed MLS KeyPackage.</summary>
[GenerateSerializer, Immutable, Alias("harmony.member.key-package")]
public sealed record KeyPackageClaim
{
    /// <summary>The TLS-encoded KeyPackage.</summary>
    [Id(0)] public required byte[] KeyPackage { get; init; }

    /// <summary>True when the pool was empty and the last-resort package (never deleted) was returned.</summary>
    [Id(1)] public bool LastResort { get; init; }
}
