namespace Harmony.Grains.Abstractions.Community;

/// <summary>A request to join: the joiner's signed invocation (action <c>Join</c>) of an invite capability, or of the root capability id of an open community, and any verifiable presentations the admission rules ask for.</summary>
[GenerateSerializer, Immutable, Alias("harmony.community.join")]
public sealed record JoinRequest
{
    /// <summary>The joiner-signed invocation (JSON text).</summary>
    [Id(0)] public required string Invocation { get; init; }

    /// <summary>Verifiable presentations (JSON text) for the admission rules.</summary>
    [Id(1)] public IReadOnlyList<string> Presentations { get; init; } = [];
}
