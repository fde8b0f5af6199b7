namespace Harmony.Grains.Abstractions.Authorization;

/// <summary>
/// How a caller proves a capability for a grain call: either a signed ZCAP invocation (its JSON text, whose
/// <c>capabilityInvocation</c> proof names the capability, action and target), or a reference to a delegated
/// capability registered with the community (<see cref="CapabilityId"/>) held by <see cref="Holder"/>. For appends the
/// holder is the envelope's author, proven by the envelope signature; for reads the gateway vouches for the session
/// DID it authenticated.
/// </summary>
[GenerateSerializer, Immutable, Alias("harmony.capability-proof")]
public sealed record CapabilityProof
{
    /// <summary>A signed invocation document (JSON text), or null.</summary>
    [Id(0)] public string? Invocation { get; init; }

    /// <summary>The id of a registered delegated capability (or the community's root capability id), or null.</summary>
    [Id(1)] public string? CapabilityId { get; init; }

    /// <summary>The DID holding <see cref="CapabilityId"/> (the authenticated session's DID).</summary>
    [Id(2)] public string? Holder { get; init; }

    /// <summary>A proof by signed invocation.</summary>
    public static CapabilityProof ByInvocation(string invocationJson) => new() { Invocation = invocationJson };

    /// <summary>A proof by reference to a capability held by <paramref name="holder"/>.</summary>
    public static CapabilityProof ByReference(string capabilityId, string? holder = null) => new() { CapabilityId = capabilityId, Holder = holder };
}
