namespace Harmony.Gateway.Hosting;

/// <summary>
/// The gateway's configuration, bound from the section <c>Harmony:Gateway</c>. Every limit has a safe default.
/// </summary>
public sealed class HarmonyGatewayOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Harmony:Gateway";

    /// <summary>
    /// The origin clients sign in the auth message when the request has no <c>Origin</c> header (for example
    /// <c>https://chat.example.org</c>); when empty, the request's own scheme and host are used.
    /// </summary>
    public string? PublicOrigin { get; set; }

    /// <summary>Browser origins allowed besides the gateway's own (exact <c>scheme://host[:port]</c> strings).</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Whether requests without an <c>Origin</c> header (non-browser clients) are accepted (default true).</summary>
    public bool AllowMissingOrigin { get; set; } = true;

    /// <summary>How long a login challenge nonce stays valid (default 2 minutes).</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most outstanding challenge nonces kept at once; beyond it new challenges are refused with <c>RateLimited</c>.</summary>
    public int MaxPendingChallenges { get; set; } = 100_000;

    /// <summary>How long a session token is valid (default 1 hour).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Largest SignalR message the hub accepts, in bytes (default 1 MiB); larger ones close the connection.</summary>
    public long MaxHubMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest encoded envelope accepted by <c>Send</c>, in bytes (default 256 KiB); larger ones get <c>TooLarge</c>.</summary>
    public int MaxEnvelopeBytes { get; set; } = 256 * 1024;

    /// <summary>Largest invocation, capability or presentation JSON text, in bytes (default 64 KiB).</summary>
    public int MaxInvocationBytes { get; set; } = 64 * 1024;

    /// <summary>Longest string argument other than invocations (ids, names, DIDs), in characters (default 1024).</summary>
    public int MaxArgumentLength { get; set; } = 1024;

    /// <summary>Most KeyPackages per upload (default 100).</summary>
    public int MaxKeyPackagesPerUpload { get; set; } = 100;

    /// <summary>Most channels one connection may watch at once (default 500).</summary>
    public int MaxWatchedChannelsPerConnection { get; set; } = 500;

    /// <summary>Events buffered per watched channel between the stream and SignalR; beyond it the oldest are dropped (clients resync).</summary>
    public int FanoutQueueCapacity { get; set; } = 1024;

    /// <summary>
    /// Shards of each watched channel's fan-out on this node (default: the processor count, at most 8): a channel's
    /// watchers are spread over this many SignalR groups, each with its own queue and pump, so a large channel's
    /// deliveries use several cores; each connection still gets the channel's events in order.
    /// </summary>
    public int FanoutShards { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>
    /// Connections of a channel the first fan-out shard takes before others are used (default 64): a channel with few
    /// watchers on this node costs one queue and one pump; beyond it the connections are spread over all shards.
    /// </summary>
    public int FanoutShardSize { get; set; } = 64;

    /// <summary>
    /// How often the gateway renews its watcher registration with each watched channel grain (default 15 s; the grains'
    /// lease, <c>HarmonyGrainOptions.WatcherLease</c>, is 90 s). It also bounds how long live delivery of a channel pauses
    /// after its grain was reactivated elsewhere (clients still repair the gap by sequence number).
    /// </summary>
    public TimeSpan FanoutRenewInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Hub calls of one connection the server runs concurrently (default 16). Above 1, a client's pipelined sends
    /// share group commits instead of each waiting for the previous one's durable write; the rate limits still apply.
    /// </summary>
    public int MaxParallelInvocationsPerConnection { get; set; } = 16;

    /// <summary>Hub call rate limit per connection.</summary>
    public TokenBucketOptions ConnectionRate { get; set; } = new() { Capacity = 60, TokensPerSecond = 20 };

    /// <summary>Hub call rate limit per DID, across its connections on this node.</summary>
    public TokenBucketOptions DidRate { get; set; } = new() { Capacity = 120, TokensPerSecond = 40 };

    /// <summary>Most DIDs tracked by the per-DID limiter; idle full buckets are evicted first.</summary>
    public int MaxTrackedDids { get; set; } = 100_000;

    /// <summary>Throws <see cref="ArgumentException"/> when a value is out of range.</summary>
    public void Validate()
    {
        if (ChallengeLifetime <= TimeSpan.Zero) throw new ArgumentException("ChallengeLifetime must be positive.");
        if (SessionLifetime <= TimeSpan.Zero) throw new ArgumentException("SessionLifetime must be positive.");
        if (MaxPendingChallenges < 1) throw new ArgumentException("MaxPendingChallenges must be positive.");
        if (MaxHubMessageBytes < 1024) throw new ArgumentException("MaxHubMessageBytes must be at least 1024.");
        if (MaxEnvelopeBytes < 128) throw new ArgumentException("MaxEnvelopeBytes must be at least 128.");
        if (MaxInvocationBytes < 256) throw new ArgumentException("MaxInvocationBytes must be at least 256.");
        if (MaxKeyPackagesPerUpload < 1 || MaxArgumentLength < 64 || FanoutQueueCapacity < 1 || MaxWatchedChannelsPerConnection < 1 || MaxTrackedDids < 1)
            throw new ArgumentException("Counts must be positive.");
        if (FanoutShards is < 1 or > 64) throw new ArgumentException("FanoutShards must be between 1 and 64.");
        if (FanoutShardSize < 1) throw new ArgumentException("FanoutShardSize must be positive.");
        if (FanoutRenewInterval <= TimeSpan.Zero) throw new ArgumentException("FanoutRenewInterval must be positive.");
        if (MaxParallelInvocationsPerConnection < 1) throw new ArgumentException("MaxParallelInvocationsPerConnection must be positive.");
        ConnectionRate.Validate();
        DidRate.Validate();
    }
}
