namespace Harmony.Grains.Abstractions.Community;

/// <summary>A credential a joiner must present: a VC of <see cref="CredentialType"/> issued by one of <see cref="Issuers"/> (any issuer when empty).</summary>
[GenerateSerializer, Immutable, Alias("harmony.community.admission-rule")]
public sealed record AdmissionRule
{
    /// <summary>The required VC type.</summary>
    [Id(0)] public required string CredentialType { get; init; }

    /// <summary>Accepted issuer DIDs; empty accepts any issuer.</summary>
    [Id(1)] public IReadOnlyList<string> Issuers { get; init; } = [];
}
