using Harmony.Grains.Abstractions.Authorization;
using Harmony.Grains.Abstractions.Community;

namespace Harmony.Grains.Abstractions.Channel;

/// <summary>
/// A channel's durable log (key: channel id). Appends are verified (signature, author = invoker, capability for the
/// envelope kind's action on this channel, bans, slow mode), deduplicated by envelope id, sequenced, written in group
/// commits and acknowledged only once durable, then delivered to the registered gateway watchers (<see cref="IChannelObserver"/>).
/// </summary>
[Alias("harmony.channel")]
public interface IChannelGrain : IGrainWithStringKey
{
    /// <summary>Initializes the channel for its community (server-internal; idempotent for the same setup).</summary>
    [Alias("initialize")]
    Task<ChannelInfo> InitializeAsync(ChannelSetup setup);

    /// <summary>The channel's head state.</summary>
    [Alias("info"), ReadOnly]
    Task<ChannelInfo> GetInfoAsync();

    /// <summary>
    /// Appends an encoded, signed envelope (see <c>EnvelopeCodec</c>). <paramref name="proof"/> is an invocation by the
    /// author (document member <c>envelope</c> = the envelope id) or a reference to a capability the author holds.
    /// </summary>
    [Alias("append")]
    Task<AppendResult> AppendAsync(byte[] envelope, CapabilityProof proof);

    /// <summary>Reads up to <paramref name="limit"/> entries after <paramref name="afterSeq"/> (action <c>Read</c>).</summary>
    [Alias("read")]
    Task<LogPage> ReadAsync(long afterSeq, int limit, CapabilityProof proof);

    /// <summary>Publishes an ephemeral typing signal for <paramref name="did"/> (action <c>SendMessage</c>; never logged).</summary>
    [Alias("typing")]
    Task TypingAsync(string did, CapabilityProof proof);

    /// <summary>Starts (or returns) the thread rooted at a message of this channel (action <c>SendMessage</c>, invocation member <c>thread</c> = root id).</summary>
    [Alias("create-thread")]
    Task<ChannelInfo> CreateThreadAsync(string rootMessageId, CapabilityProof proof);

    /// <summary>Sets slow mode (action <c>ManageChannels</c>, invocation member <c>slowModeSeconds</c>).</summary>
    [Alias("set-slow-mode")]
    Task SetSlowModeAsync(TimeSpan interval, string invocation);

    /// <summary>
    /// Imports signed envelopes (for example from an N-Quads export) in the given order: each must verify and belong to
    /// this channel; ids already in the log are skipped, so importing twice changes nothing. Needs <c>ManageChannels</c>
    /// on this channel; the invocation's document member <c>import</c> must be <see cref="ImportDigest.Compute"/> of the ids.
    /// </summary>
    [Alias("import")]
    Task<ImportResult> ImportAsync(IReadOnlyList<byte[]> envelopes, string invocation);

    /// <summary>Installs a newer community policy (server-internal; called by the community on bans and revocations).</summary>
    [Alias("policy-changed")]
    Task PolicyChangedAsync(CommunityPolicy policy);

    /// <summary>
    /// Announces to the channel's watchers that <paramref name="did"/> joined (or left) the community, so that members
    /// add (or remove) its MLS leaf at once (server-internal, called by the community; ephemeral, never logged).
    /// </summary>
    [Alias("membership-changed")]
    Task MembershipChangedAsync(string did, bool joined);

    /// <summary>
    /// Registers (or renews) a gateway's observer of this channel's live events for the grain's watcher lease
    /// (server-internal: the gateway calls it when its first connection watches the channel, and again periodically,
    /// because a reactivated grain starts with no watchers). Returns the channel's last sequence number.
    /// </summary>
    [Alias("add-watcher"), AlwaysInterleave]
    Task<long> AddWatcherAsync(IChannelObserver observer);

    /// <summary>Removes a gateway's observer (server-internal: when its last connection stops watching).</summary>
    [Alias("remove-watcher"), AlwaysInterleave]
    Task RemoveWatcherAsync(IChannelObserver observer);
}
