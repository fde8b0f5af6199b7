using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Harmony.Client.Chat.Mls;
using Harmony.Client.Chat.Storage;
using Harmony.Client.Connection;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Protocol;

namespace Harmony.Client.Chat;

/// <summary>
/// The high-level chat client: communities, channels, invites, end-to-end encrypted messages (one RFC 9420 MLS group
/// per channel and per DM), edits, deletes, reactions, threads and direct messages, over a resilient
/// <see cref="HarmonyConnection"/>. Interoperates with the web client (same content JSON, invite links, group ids and
/// handshake conventions). State lives in <see cref="HarmonyChatOptions.DataDirectory"/> and survives restarts.
/// Never sends plaintext: when a message cannot be encrypted, the call throws and nothing is sent.
/// </summary>
public sealed partial class HarmonyChatClient : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HarmonyChatOptions _options;
    private readonly Ed25519KeyPair _key;
    private readonly LocalSealer _sealer;
    private readonly ChatStore _store;
    private readonly ChannelGroups _groups;
    private readonly ConcurrentDictionary<string, StoredCommunity> _communities = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CommunityInfo> _infos = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _channelCommunity = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _applied = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Channel<ChatMessage>, string> _tails = new();
    private readonly Channel<string> _membershipWork = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<QueueRejection> _rejected = Channel.CreateUnbounded<QueueRejection>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<ChatSendFailure> _sendFailures = Channel.CreateBounded<ChatSendFailure>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly SemaphoreSlim _membershipGate = new(1, 1);
    private readonly SemaphoreSlim _keyPackageGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _background = [];
    private volatile TaskCompletionSource _progress = NewPulse();
    private int _epochMismatches;

    private HarmonyChatClient(HarmonyChatOptions options, Ed25519KeyPair key, HarmonyConnection connection, LocalSealer sealer, ChatStore store, byte[] seed)
    {
        _options = options;
        _key = key;
        Connection = connection;
        _sealer = sealer;
        _store = store;
        Did = DidKey.FromEd25519(key.PublicKey).Did;
        _groups = new ChannelGroups(store, Did, seed, options);
        // An event, not the connection's rejection stream: applications (the CLI) keep reading that stream themselves.
        connection.Rejected += r => _rejected.Writer.TryWrite(r);
    }

    /// <summary>This client's DID.</summary>
    public string Did { get; }

    /// <summary>The underlying connection (hub calls, typing and presence streams).</summary>
    public HarmonyConnection Connection { get; }

    /// <summary>
    /// Opens the client database in <see cref="HarmonyChatOptions.DataDirectory"/>, connects (retrying until
    /// connected or <paramref name="ct"/> fires), watches every known channel and DM, catches up, and keeps the
    /// KeyPackage pool filled. <paramref name="key"/> stays owned by the caller and must outlive the client.
    /// </summary>
    public static async Task<HarmonyChatClient> ConnectAsync(HarmonyChatOptions options, Ed25519KeyPair key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(key);
        Validate(options);
        Directory.CreateDirectory(options.DataDirectory);
        var database = Path.Combine(options.DataDirectory, "client.db");
        var connectionOptions = new HarmonyClientOptions { Server = options.Server, DatabasePath = database };
        connectionOptions = (options.ConfigureConnection?.Invoke(connectionOptions) ?? connectionOptions) with { Server = options.Server, DatabasePath = database, UseMessagePack = false };
        var connection = await HarmonyConnection.CreateAsync(connectionOptions, key, encryptor: null, handler: null, ct);
        var seed = key.ExportSeed();
        var sealer = new LocalSealer(seed);
        HarmonyChatClient? client = null;
        try
        {
            var store = await ChatStore.OpenAsync(database, sealer, ct);
            client = new HarmonyChatClient(options, key, connection, sealer, store, seed);
            await client.StartAsync(ct);
            return client;
        }
        catch
        {
            if (client is not null) await client.DisposeAsync();
            else
            {
                await connection.DisposeAsync();
                sealer.Dispose();
            }
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync();
        _membershipWork.Writer.TryComplete();
        _rejected.Writer.TryComplete();
        // The connection completes the envelope stream, which ends the pump.
        await Connection.DisposeAsync();
        foreach (var task in _background)
        {
            try { await task; }
            catch (OperationCanceledException) { }
            catch (ObjectDisposedException)
            {
                // Background work (a membership pass) cut off by the connection disposed under it: nothing to keep.
            }
        }
        foreach (var tail in _tails.Keys) tail.Writer.TryComplete();
        _sendFailures.Writer.TryComplete();
        _sealer.Dispose();
        _membershipGate.Dispose();
        _keyPackageGate.Dispose();
        _stopping.Dispose();
    }

    private async Task StartAsync(CancellationToken ct)
    {
        // Entries the connection delivered but this client never applied (it stopped in between) come again.
        var applied = await _store.AllAppliedAsync(ct);
        await Connection.Store.RewindCursorsAsync(applied, ct);
        foreach (var (channel, seq) in applied) _applied[channel] = seq;
        foreach (var c in await _store.CommunitiesAsync(ct))
        {
            _communities[c.Id] = c;
            if (c.InfoJson is not null && JsonSerializer.Deserialize<CommunityInfo>(c.InfoJson, Json) is { } info) Remember(info);
        }
        _background.Add(Task.Run(PumpAsync));
        _background.Add(Task.Run(MembershipEventsAsync));
        _background.Add(Task.Run(RejectionsAsync));
        _background.Add(Task.Run(MembershipWorkerAsync));
        await Connection.StartAsync(ct);
        await EnsureKeyPackagesAsync(ct);
        await RefreshCommunitiesAsync(ct);
        await RefreshDirectMessagesAsync(ct);
        foreach (var id in _communities.Keys) _membershipWork.Writer.TryWrite(id);
        _background.Add(Task.Run(MaintenanceAsync));
    }

    private static void Validate(HarmonyChatOptions o)
    {
        if (o.RetainedEpochs is < 0 or > 64) throw Config("RetainedEpochs must be between 0 and 64.");
        if (o.KeyPackagePoolTarget is < 1 or > 100) throw Config("KeyPackagePoolTarget must be between 1 and 100.");
        if (o.MaxCommitAttempts < 1) throw Config("MaxCommitAttempts must be at least 1.");
        if (o.SelfUpdateInterval <= TimeSpan.Zero || o.MaintenanceInterval <= TimeSpan.Zero) throw Config("Intervals must be positive.");
        if (o.MaintenanceInterval > TimeSpan.FromDays(30)) throw Config("MaintenanceInterval is at most 30 days.");
        if (o.RetainedEpochLifetime < TimeSpan.Zero) throw Config("RetainedEpochLifetime must not be negative.");
        if (o.PendingRootTimeout <= TimeSpan.Zero) throw Config("PendingRootTimeout must be positive.");
        if (o.MaxTextBytes < 1) throw Config("MaxTextBytes must be positive.");
        if (string.IsNullOrWhiteSpace(o.DataDirectory)) throw Config("DataDirectory is required.");
    }

    private static HarmonyClientException Config(string message) => new("client.config", message);

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes everyone waiting for the log to advance.</summary>
    private void Pulse() => Interlocked.Exchange(ref _progress, NewPulse()).TrySetResult();

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, re-checking after every applied log entry; after each idle
    /// second <paramref name="onIdle"/> runs (for example to make the connection sync again).
    /// </summary>
    private async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken ct, Func<Task>? onIdle = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var pulse = _progress.Task;
            if (condition()) return;
            try { await pulse.WaitAsync(TimeSpan.FromSeconds(1), deadline.Token); }
            catch (TimeoutException)
            {
                if (onIdle is not null)
                {
                    try { await onIdle(); }
                    catch (HarmonyServerException) { }
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested && !_stopping.IsCancellationRequested)
            {
                throw new HarmonyClientException(ChatErrorCodes.CatchUpTimeout, $"Timed out waiting for {what}.");
            }
        }
    }
}
