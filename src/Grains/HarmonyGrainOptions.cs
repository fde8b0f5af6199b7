using Harmony.Core.Capabilities;
using Harmony.Core.Protocol;

namespace Harmony.Grains;

/// <summary>Limits and policy of the community, channel and member grains. The defaults are safe for a chat server.</summary>
public sealed record HarmonyGrainOptions
{
    /// <summary>Envelope decoding limits.</summary>
    public ProtocolLimits Protocol { get; init; } = ProtocolLimits.Default;

    /// <summary>ZCAP verification policy (chain length, clock skew, nonces).</summary>
    public CapabilityVerifierOptions Capabilities { get; init; } = new();

    /// <summary>Largest invocation or capability JSON text, in bytes.</summary>
    public int MaxInvocationBytes { get; init; } = 64 * 1024;

    /// <summary>Deepest JSON nesting accepted in invocations and capabilities.</summary>
    public int MaxJsonDepth { get; init; } = 32;

    /// <summary>Most entries a channel writes in one group commit.</summary>
    public int MaxAppendBatch { get; init; } = 256;

    /// <summary>Most entries one <c>ReadAsync</c> page returns.</summary>
    public int MaxReadLimit { get; init; } = 200;

    /// <summary>Most envelopes in one import call.</summary>
    public int MaxImportBatch { get; init; } = 1000;

    /// <summary>Envelope ids per channel remembered in memory for fast duplicate detection.</summary>
    public int RecentIdCapacity { get; init; } = 4096;

    /// <summary>Most pinned messages per channel.</summary>
    public int MaxPins { get; init; } = 50;

    /// <summary>Most threads per channel.</summary>
    public int MaxThreads { get; init; } = 1000;

    /// <summary>Most channels per community.</summary>
    public int MaxChannels { get; init; } = 500;

    /// <summary>Most categories per community.</summary>
    public int MaxCategories { get; init; } = 100;

    /// <summary>Most members per community (the owner included).</summary>
    public int MaxMembers { get; init; } = 100_000;

    /// <summary>Most role templates per community.</summary>
    public int MaxRoles { get; init; } = 250;

    /// <summary>Most admission rules per community.</summary>
    public int MaxAdmissionRules { get; init; } = 16;

    /// <summary>Most verifiable presentations in one join request.</summary>
    public int MaxPresentations { get; init; } = 4;

    /// <summary>Most registered delegated capabilities per community.</summary>
    public int MaxRegisteredCapabilities { get; init; } = 100_000;

    /// <summary>Longest name (community, channel, category, role) in characters.</summary>
    public int MaxNameLength { get; init; } = 100;

    /// <summary>
    /// How long a gateway's watcher registration (<c>IChannelGrain.AddWatcherAsync</c>) lasts without renewal; gateways
    /// renew well within it, so a gateway that died stops receiving events after at most this long.
    /// </summary>
    public TimeSpan WatcherLease { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Most gateway watchers per channel (one per gateway node that has a connection watching it).</summary>
    public int MaxWatchers { get; init; } = 1024;

    /// <summary>Longest slow-mode interval.</summary>
    public TimeSpan MaxSlowMode { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Most KeyPackages pooled per member.</summary>
    public int MaxKeyPackages { get; init; } = 200;

    /// <summary>Largest KeyPackage in bytes.</summary>
    public int MaxKeyPackageBytes { get; init; } = 16 * 1024;

    /// <summary>Most open connections tracked per member.</summary>
    public int MaxConnectionsPerMember { get; init; } = 64;

    /// <summary>Most DM conversations per member.</summary>
    public int MaxDirectMessages { get; init; } = 10_000;

    /// <summary>Longest profile field, in characters.</summary>
    public int MaxProfileFieldLength { get; init; } = 1024;
}
