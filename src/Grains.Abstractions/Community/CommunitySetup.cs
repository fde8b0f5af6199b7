namespace Harmony.Grains.Abstractions.Community;

/// <summary>What the owner asks for when creating a community. The owner-signed invocation must name the same <c>community</c> id.</summary>
[GenerateSerializer, Immutable, Alias("harmony.community.setup")]
public sealed record CommunitySetup
{
    /// <summary>Display name (plaintext metadata, not message content).</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>The owner's DID; it controls the community's root capability.</summary>
    [Id(1)] public required string Owner { get; init; }

    /// <summary>Whether anyone may join without an invite (admission rules still apply).</summary>
    [Id(2)] public bool Open { get; init; }
}
