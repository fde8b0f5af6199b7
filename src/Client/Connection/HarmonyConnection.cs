using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Harmony.Client.Auth;
using Harmony.Client.Encryption;
using Harmony.Client.Protocol;
using Harmony.Client.Storage;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Protocol;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Harmony.Client.Connection;

/// <summary>
/// A resilient connection to a Harmony hub. It logs in (and renews the session) with the user's key, reconnects
/// forever with exponential backoff and jitter, and after every (re)connection re-watches its channels, syncs each from
/// its persisted cursor and sends the offline queue. Envelopes reach the application in sequence order per channel,
/// each once: a gap in <c>seq</c> triggers a sync. Sends are signed, queued in SQLite first and retried until the
/// server acknowledges them (it dedupes by envelope id).
/// </summary>
public sealed class HarmonyConnection : IAsyncDisposable
{
    /// <summary>When a queued send failed transiently without a server hint, the flush is tried again after this.</summary>
    private static readonly TimeSpan TransientRetryDelay = TimeSpan.FromSeconds(1);

    private readonly HarmonyClientOptions _options;
    private readonly Ed25519KeyPair _key;
    private readonly ClientStore _store;
    private readonly IMessageEncryptor? _encryptor;
    private readonly HttpClient _http;
    private readonly HubConnection _hub;
    private readonly ConcurrentDictionary<string, string> _watched = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _cursors = new(StringComparer.Ordinal);
    private readonly Channel<object> _work = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<ChannelEnvelope> _envelopes = Channel.CreateUnbounded<ChannelEnvelope>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, bool> _presenceWatched = new(StringComparer.Ordinal);
    private readonly Channel<TypingSignal> _typing = Channel.CreateBounded<TypingSignal>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Channel<PresenceChange> _presence = Channel.CreateBounded<PresenceChange>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Channel<MembershipChange> _membership = Channel.CreateBounded<MembershipChange>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Channel<QueueRejection> _rejections = Channel.CreateUnbounded<QueueRejection>();
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private HarmonySession? _session;
    private Task? _pump;
    private volatile bool _started;

    private HarmonyConnection(HarmonyClientOptions options, Ed25519KeyPair key, ClientStore store, IMessageEncryptor? encryptor, HttpMessageHandler? handler)
    {
        _options = options;
        _key = key;
        _store = store;
        _encryptor = encryptor;
        Did = DidKey.FromEd25519(key.PublicKey).Did;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = options.Server;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(options.Server, "hub"), o =>
            {
                o.AccessTokenProvider = async () => (await SessionAsync(_stopping.Token)).Token;
                if (handler is not null) o.HttpMessageHandlerFactory = _ => handler;
            })
            .WithAutomaticReconnect(new BackoffRetryPolicy(options.InitialBackoff, options.MaxBackoff));
        if (options.UseMessagePack) builder.AddMessagePackProtocol();
        _hub = builder.Build();
        _hub.On<ChannelEnvelope>(HubMethods.EnvelopeEvent, e => _work.Writer.TryWrite(e));
        // Ephemeral signals: a slow reader loses the oldest, never blocks the connection.
        _hub.On<TypingSignal>(HubMethods.TypingEvent, t => _typing.Writer.TryWrite(t));
        _hub.On<PresenceChange>(HubMethods.PresenceEvent, p => _presence.Writer.TryWrite(p));
        // A lost membership event is made up for by roster comparisons, so dropping the oldest is safe.
        _hub.On<MembershipChange>(HubMethods.MembershipEvent, m => _membership.Writer.TryWrite(m));
        _hub.Reconnected += _ =>
        {
            _work.Writer.TryWrite(Resume.Instance);
            return Task.CompletedTask;
        };
        // Automatic reconnect does not cover every close (the server closes connections whose session expired, or
        // the retry policy is bypassed): start again, with a fresh session, unless the application is stopping.
        _hub.Closed += error =>
        {
            if (!_stopping.IsCancellationRequested && _started) _ = RestartAsync();
            return Task.CompletedTask;
        };
    }

    /// <summary>Raised after every (re)connection once channels are watched again, synced and the queue sent.</summary>
    public event Func<Task>? Resumed;

    /// <summary>
    /// Raised (synchronously, on the connection's pump: handlers must be quick and not call the hub) for every queued
    /// envelope the server refused for good, besides <see cref="ReadRejectionsAsync"/>; lets several observers see
    /// each refusal, where the stream hands each one to a single reader.
    /// </summary>
    public event Action<QueueRejection>? Rejected;

    /// <summary>The user's DID.</summary>
    public string Did { get; }

    /// <summary>The hub connection's state.</summary>
    public HubConnectionState State => _hub.State;

    /// <summary>The local store (offline queue and cursors).</summary>
    public ClientStore Store => _store;

    /// <summary>
    /// Creates a connection (not started) for <paramref name="key"/>'s DID. Without <paramref name="encryptor"/> the
    /// connection can read, and send pre-built envelopes, but <see cref="SendMessageAsync"/> fails closed.
    /// </summary>
    public static async Task<HarmonyConnection> CreateAsync(HarmonyClientOptions options, Ed25519KeyPair key, IMessageEncryptor? encryptor = null,
        HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(key);
        if (options.SyncPageSize is < 1 or > 200) throw new HarmonyClientException("client.config", "SyncPageSize must be between 1 and 200.");
        var store = await ClientStore.OpenAsync(options.DatabasePath, options.MaxQueuedEnvelopes, cancellationToken);
        return new HarmonyConnection(options, key, store, encryptor, handler);
    }

    /// <summary>Connects, retrying with backoff until connected or <paramref name="cancellationToken"/> fires; then resumes (watch, sync, flush).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _pump ??= Task.Run(PumpAsync);
        _started = true;
        var policy = new BackoffRetryPolicy(_options.InitialBackoff, _options.MaxBackoff);
        for (var attempt = 0L; ; attempt++)
        {
            try
            {
                await _hub.StartAsync(cancellationToken);
                break;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsTransient(e))
            {
                await Task.Delay(policy.Delay(attempt, Random.Shared.NextDouble()), cancellationToken);
            }
        }
        await ResumeAsync(cancellationToken);
    }

    /// <summary>Invokes a hub method (docs/protocol.md §4.4); refusals become <see cref="HarmonyServerException"/>.</summary>
    public async Task<T> InvokeAsync<T>(string method, object?[] args, CancellationToken cancellationToken = default)
    {
        try { return await _hub.InvokeCoreAsync<T>(method, args, cancellationToken); }
        catch (HubException e) { throw Translate(e); }
    }

    /// <summary>Invokes a hub method without a result.</summary>
    public async Task InvokeAsync(string method, object?[] args, CancellationToken cancellationToken = default)
    {
        try { await _hub.InvokeCoreAsync(method, args, cancellationToken); }
        catch (HubException e) { throw Translate(e); }
    }

    /// <summary>
    /// Watches <paramref name="channelId"/> with <paramref name="capabilityId"/> (kept across reconnects) and syncs it
    /// from its persisted cursor.
    /// </summary>
    public async Task WatchAsync(string channelId, string capabilityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(capabilityId);
        _watched[channelId] = capabilityId;
        if (_hub.State != HubConnectionState.Connected) return;
        try
        {
            await InvokeAsync<WatchResult>(HubMethods.Watch, [channelId, capabilityId], cancellationToken);
        }
        catch (HarmonyServerException)
        {
            _watched.TryRemove(channelId, out _);
            throw;
        }
        _work.Writer.TryWrite(new SyncRequest(channelId));
    }

    /// <summary>Receives <c>presence</c> events for <paramref name="did"/> (kept across reconnects).</summary>
    public async Task WatchPresenceAsync(string did, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(did);
        _presenceWatched[did] = true;
        if (_hub.State == HubConnectionState.Connected) await InvokeAsync(HubMethods.WatchPresence, [did], cancellationToken);
    }

    /// <summary>Typing signals of watched channels (ephemeral; the oldest are dropped when not read).</summary>
    public IAsyncEnumerable<TypingSignal> ReadTypingAsync(CancellationToken cancellationToken = default) => _typing.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Presence changes of watched members (ephemeral; the oldest are dropped when not read).</summary>
    public IAsyncEnumerable<PresenceChange> ReadPresenceAsync(CancellationToken cancellationToken = default) => _presence.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Membership changes of the communities of watched channels (the oldest are dropped when not read).</summary>
    public IAsyncEnumerable<MembershipChange> ReadMembershipAsync(CancellationToken cancellationToken = default) => _membership.Reader.ReadAllAsync(cancellationToken);

    /// <summary>The highest sequence number delivered for <paramref name="channelId"/>.</summary>
    public long LastSeq(string channelId) => _cursors.TryGetValue(channelId, out var seq) ? seq : 0;

    /// <summary>
    /// Encrypts <paramref name="plaintext"/> with the <see cref="IMessageEncryptor"/>, signs the envelope, queues it
    /// durably and sends the queue when connected. Returns the envelope id.
    /// </summary>
    /// <exception cref="HarmonyClientException"><c>client.no_encryptor</c> when there is no encryptor (never a plaintext fallback).</exception>
    public async Task<string> SendMessageAsync(string channelId, ReadOnlyMemory<byte> plaintext, string capabilityId, EnvelopeKind kind = EnvelopeKind.Message,
        string? target = null, string? thread = null, string? replyTo = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(capabilityId);
        if (_encryptor is null)
            throw new HarmonyClientException("client.no_encryptor", "No message encryptor is configured; Harmony never sends plaintext.");
        byte[] ciphertext;
        try { ciphertext = await _encryptor.EncryptAsync(channelId, plaintext, cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new HarmonyClientException("client.encrypt_failed", "Encrypting the message failed; nothing was sent.", e);
        }
        if (ciphertext is null || ciphertext.Length == 0)
            throw new HarmonyClientException("client.encrypt_failed", "The encryptor returned no ciphertext; nothing was sent.");
        var envelope = EnvelopeCodec.Sign(new Envelope
        {
            Channel = channelId,
            Author = Did,
            Lamport = await _store.NextLamportAsync(0, cancellationToken),
            Kind = kind,
            CreatedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            Thread = thread,
            ReplyTo = replyTo,
            Target = target,
            Ciphertext = ciphertext,
        }, _key);
        await EnqueueAsync(envelope.Id, channelId, EnvelopeCodec.Encode(envelope), capabilityId, cancellationToken);
        return envelope.Id;
    }

    /// <summary>Queues an already encoded, signed envelope (for example an MLS handshake) and sends the queue when connected.</summary>
    public async Task EnqueueEnvelopeAsync(byte[] encodedEnvelope, string capabilityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encodedEnvelope);
        var decoded = EnvelopeCodec.Decode(encodedEnvelope);
        if (decoded.Author != Did) throw new HarmonyClientException("client.not_author", "Only envelopes authored by this connection's DID can be sent.");
        await EnqueueAsync(decoded.Id, decoded.Channel, encodedEnvelope, capabilityId, cancellationToken);
    }

    /// <summary>
    /// Sends queued envelopes in order while connected; stops at the first transient failure (connection lost,
    /// <c>RateLimited</c>, <c>SlowMode</c>, an expired session, a server failure without a protocol code), keeping it
    /// for later. A permanent refusal removes the envelope and is reported by <see cref="ReadRejectionsAsync"/>.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_hub.State != HubConnectionState.Connected) return;
        await _flushGate.WaitAsync(cancellationToken);
        try
        {
            foreach (var queued in await _store.QueuedAsync(cancellationToken))
            {
                try
                {
                    await _hub.InvokeCoreAsync<AppendResult>(HubMethods.Send, [queued.Envelope, queued.CapabilityId, null], cancellationToken);
                }
                catch (HubException hub) when (HarmonyServerException.TryParse(hub.Message, hub) is not { } refusal || IsTransientRefusal(refusal.Code))
                {
                    // Rate limits, an expired session or a server-side failure without a protocol code (node or silo
                    // unavailable): kept in the queue and tried again, never reported as a refusal.
                    var retryAfter = HarmonyServerException.TryParse(hub.Message)?.RetryAfter ?? TransientRetryDelay;
                    Later(Flush.Instance, retryAfter);
                    return;
                }
                catch (HubException hub)
                {
                    var rejection = new QueueRejection(queued.Id, queued.ChannelId, Translate(hub));
                    _rejections.Writer.TryWrite(rejection);
                    try { Rejected?.Invoke(rejection); }
                    catch (Exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        // An observer's failure must not stop the queue.
                    }
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // Connection lost mid-flush: the envelope stays queued and the next resume sends it (the server dedupes).
                    return;
                }
                await _store.RemoveAsync(queued.Id, cancellationToken);
            }
        }
        finally { _flushGate.Release(); }
    }

    /// <summary>Envelopes of watched channels, in sequence order per channel, each once (single reader).</summary>
    public async IAsyncEnumerable<ChannelEnvelope> ReadEnvelopesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in _envelopes.Reader.ReadAllAsync(cancellationToken)) yield return e;
    }

    /// <summary>Queued envelopes the server refused for good (removed from the queue).</summary>
    public IAsyncEnumerable<QueueRejection> ReadRejectionsAsync(CancellationToken cancellationToken = default) =>
        _rejections.Reader.ReadAllAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _work.Writer.TryComplete();
        await _hub.DisposeAsync();
        if (_pump is not null)
        {
            try { await _pump; }
            catch (OperationCanceledException) { }
        }
        _envelopes.Writer.TryComplete();
        _typing.Writer.TryComplete();
        _presence.Writer.TryComplete();
        _membership.Writer.TryComplete();
        _rejections.Writer.TryComplete();
        _http.Dispose();
        _flushGate.Dispose();
        _stopping.Dispose();
    }

    private async Task EnqueueAsync(string id, string channelId, byte[] encoded, string capabilityId, CancellationToken cancellationToken)
    {
        await _store.EnqueueAsync(new QueuedEnvelope(id, channelId, encoded, capabilityId), cancellationToken);
        if (_hub.State == HubConnectionState.Connected) _work.Writer.TryWrite(Flush.Instance);
    }

    private async Task<HarmonySession> SessionAsync(CancellationToken cancellationToken)
    {
        var session = _session;
        if (session is null || session.ExpiresAt - DateTimeOffset.UtcNow < _options.SessionRenewalMargin)
            _session = session = await HarmonySession.LoginAsync(_http, _key, cancellationToken);
        return session;
    }

    private async Task RestartAsync()
    {
        try { await StartAsync(_stopping.Token); }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // Disposed while reconnecting.
        }
        catch (Exception)
        {
            // A non-transient failure (for example the login was refused): the connection stays closed; State tells.
        }
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        foreach (var (channelId, capabilityId) in _watched)
        {
            try
            {
                await InvokeAsync<WatchResult>(HubMethods.Watch, [channelId, capabilityId], cancellationToken);
                _work.Writer.TryWrite(new SyncRequest(channelId));
            }
            catch (HarmonyServerException e) when (e.Code is not ErrorCodes.RateLimited)
            {
                // Refused for good (banned, capability revoked, channel gone): stop watching it, keep the others.
                _watched.TryRemove(channelId, out _);
            }
        }
        foreach (var did in _presenceWatched.Keys) await InvokeAsync(HubMethods.WatchPresence, [did], cancellationToken);
        _work.Writer.TryWrite(Flush.Instance);
        _work.Writer.TryWrite(ResumedMarker.Instance);
    }

    /// <summary>One reader applies events, syncs and flushes in order, outside SignalR's receive loop (hub calls from handlers would deadlock it).</summary>
    private async Task PumpAsync()
    {
        var token = _stopping.Token;
        await foreach (var item in _work.Reader.ReadAllAsync(token))
        {
            try
            {
                switch (item)
                {
                    case ChannelEnvelope e:
                        await OnEnvelopeAsync(e, token);
                        break;
                    case SyncRequest s:
                        try { await SyncAsync(s.ChannelId, token); }
                        catch (HarmonyServerException e) when (e.Code is ErrorCodes.RateLimited)
                        {
                            // Without a retry the channel would stay behind until its next event.
                            Later(s, e.RetryAfter);
                        }
                        break;
                    case Resume:
                        await ResumeAsync(token);
                        break;
                    case Flush:
                        await FlushAsync(token);
                        break;
                    case ResumedMarker:
                        if (Resumed is { } handler) await handler();
                        break;
                }
            }
            catch (Exception) when (!token.IsCancellationRequested)
            {
                // Whatever failed (refusal, lost connection), the next reconnect resumes (watch, sync, flush) from the
                // persisted state; the pump itself must keep running.
            }
            catch (Exception)
            {
                // Disposing: the hub was disposed under the work in progress (ObjectDisposedException and the like).
                // Nothing is lost, the queue and cursors are persisted; stop quietly so DisposeAsync does not throw.
                return;
            }
        }
    }

    /// <summary>Queues <paramref name="item"/> for the pump after <paramref name="delay"/> (a server's retry hint, bounded).</summary>
    private void Later(object item, TimeSpan? delay)
    {
        var wait = delay is { } d && d > TimeSpan.Zero ? (d > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : d) : TimeSpan.FromMilliseconds(200);
        CancellationToken token;
        try { token = _stopping.Token; }
        catch (ObjectDisposedException) { return; }
        _ = Task.Delay(wait, token).ContinueWith(_ => _work.Writer.TryWrite(item), CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    private async Task OnEnvelopeAsync(ChannelEnvelope e, CancellationToken cancellationToken)
    {
        if (!_watched.ContainsKey(e.ChannelId)) return;
        var last = await CursorAsync(e.ChannelId, cancellationToken);
        if (e.Seq <= last) return;
        if (e.Seq == last + 1)
        {
            await DeliverAsync(e, cancellationToken);
            return;
        }
        await SyncAsync(e.ChannelId, cancellationToken);
    }

    private async Task SyncAsync(string channelId, CancellationToken cancellationToken)
    {
        if (!_watched.TryGetValue(channelId, out var capabilityId)) return;
        while (true)
        {
            var after = await CursorAsync(channelId, cancellationToken);
            var page = await InvokeAsync<LogPage>(HubMethods.Sync, [channelId, after, _options.SyncPageSize, capabilityId], cancellationToken);
            foreach (var entry in page.Entries.Where(x => x.Seq > after).OrderBy(x => x.Seq))
                await DeliverAsync(new ChannelEnvelope(channelId, entry.Seq, entry.Envelope), cancellationToken);
            if (page.Entries.Count == 0 || await CursorAsync(channelId, cancellationToken) >= page.LastSeq) return;
        }
    }

    private async Task DeliverAsync(ChannelEnvelope e, CancellationToken cancellationToken)
    {
        if (e.Seq <= await CursorAsync(e.ChannelId, cancellationToken)) return;
        try
        {
            var decoded = EnvelopeCodec.Decode(e.Envelope);
            await _store.NextLamportAsync(decoded.Lamport, cancellationToken);
        }
        catch (ProtocolException)
        {
            // A malformed entry is still delivered in order; the application's decoder reports it.
        }
        // The cursor moves before the application sees the entry, so whoever observes the entry also observes the cursor.
        _cursors[e.ChannelId] = e.Seq;
        await _store.SetCursorAsync(e.ChannelId, e.Seq, cancellationToken);
        _envelopes.Writer.TryWrite(e);
    }

    private async Task<long> CursorAsync(string channelId, CancellationToken cancellationToken)
    {
        if (_cursors.TryGetValue(channelId, out var seq)) return seq;
        seq = await _store.GetCursorAsync(channelId, cancellationToken);
        _cursors[channelId] = seq;
        return seq;
    }

    private static HarmonyServerException Translate(HubException e) =>
        HarmonyServerException.TryParse(e.Message, e) ?? new HarmonyServerException(ErrorCodes.BadRequest, e.Message, null, e);

    /// <summary>Protocol refusals of a queued send that say "later", not "never".</summary>
    private static bool IsTransientRefusal(string code) => code is ErrorCodes.RateLimited or ErrorCodes.SlowMode or ErrorCodes.Unauthorized;

    private static bool IsTransient(Exception e) =>
        e is HttpRequestException or IOException or InvalidOperationException or TimeoutException or System.Net.WebSockets.WebSocketException
        || (e is HarmonyServerException s && s.Code is ErrorCodes.RateLimited)
        || (e is OperationCanceledException && e.InnerException is not null);

    private sealed record SyncRequest(string ChannelId);

    private sealed class Resume
    {
        public static readonly Resume Instance = new();
    }

    private sealed class Flush
    {
        public static readonly Flush Instance = new();
    }

    private sealed class ResumedMarker
    {
        public static readonly ResumedMarker Instance = new();
    }
}
