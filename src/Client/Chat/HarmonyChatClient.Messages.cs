using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Harmony.Client.Chat.Content;
using Harmony.Client.Chat.Mls;
using Harmony.Client.Protocol;
using Harmony.Core.Errors;
using Harmony.Core.Protocol;

namespace Harmony.Client.Chat;

public sealed partial class HarmonyChatClient
{
    private const string ThreadMarker = "/thread/";

    /// <summary>
    /// Encrypts <paramref name="text"/> for the channel's MLS group, signs it, stores it locally (<see cref="ChatMessage.Pending"/>)
    /// and queues the envelope durably, then returns its id. The queue sends it now when connected, else on reconnect
    /// (same id, so it is logged once); transient failures (connection lost, server unavailable, <c>RateLimited</c>,
    /// <c>SlowMode</c>) are retried, never thrown. A permanent refusal sets <see cref="ChatMessage.SendError"/> and is
    /// reported on <see cref="ReadSendFailuresAsync"/>. Edit, delete, react and pin go the same way.
    /// </summary>
    /// <exception cref="HarmonyClientException"><c>client.mls.no_group</c> when this client is not in the channel's group; nothing is sent.</exception>
    public Task<string> SendAsync(string channelId, string text, string? replyTo = null, CancellationToken ct = default)
    {
        RequireText(text);
        return SendContentAsync(channelId, EnvelopeKind.Message, new MessageContent(text), null, replyTo, ct);
    }

    /// <summary>Replaces the text of one of this DID's messages; returns the edit's envelope id.</summary>
    public Task<string> EditAsync(string channelId, string messageId, string text, CancellationToken ct = default)
    {
        RequireText(text);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return SendContentAsync(channelId, EnvelopeKind.Edit, new MessageContent(text), messageId, null, ct);
    }

    /// <summary>Deletes a message (own, or any with <c>Moderate</c>); returns the delete's envelope id.</summary>
    public Task<string> DeleteAsync(string channelId, string messageId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return SendContentAsync(channelId, EnvelopeKind.Delete, new MessageContent(), messageId, null, ct);
    }

    /// <summary>Adds (or with <paramref name="remove"/> removes) this DID's reaction; the emoji travels encrypted.</summary>
    public Task<string> ReactAsync(string channelId, string messageId, string emoji, bool remove = false, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        if (string.IsNullOrEmpty(emoji) || Encoding.UTF8.GetByteCount(emoji) > 64) throw new HarmonyClientException(ChatErrorCodes.BadArgument, "An emoji is 1 to 64 UTF-8 bytes.");
        return SendContentAsync(channelId, remove ? EnvelopeKind.ReactionRemove : EnvelopeKind.ReactionAdd, new MessageContent(Emoji: emoji), messageId, null, ct);
    }

    /// <summary>Pins (or with <paramref name="unpin"/> unpins) a message (others' messages need <c>Moderate</c>); returns the envelope id.</summary>
    public Task<string> PinAsync(string channelId, string messageId, bool unpin = false, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return SendContentAsync(channelId, unpin ? EnvelopeKind.Unpin : EnvelopeKind.Pin, new MessageContent(), messageId, null, ct);
    }

    /// <summary>
    /// Starts (or reopens) the thread rooted at a message; returns the thread's channel id
    /// (<c>&lt;channel&gt;/thread/&lt;root&gt;</c>), encrypted with the parent channel's group. When the root is this
    /// client's own message still in the offline queue, it waits (up to <see cref="HarmonyChatOptions.PendingRootTimeout"/>)
    /// until the server has logged it.
    /// </summary>
    /// <exception cref="HarmonyClientException"><c>client.chat.root_pending</c> when the root is still queued after the timeout; <c>client.chat.root_not_sent</c> when the server refused it.</exception>
    public async Task<string> CreateThreadAsync(string channelId, string rootMessageId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootMessageId);
        var community = await CommunityOfChannelAsync(channelId, ct);
        // The server only knows logged messages: a root still in the offline queue is sent first.
        await AwaitDurableAsync(channelId, rootMessageId, ct);
        await CallAsync<JsonElement>("CreateThread", [channelId, rootMessageId, community.CapabilityId, null], ct);
        var threadId = InvocationTargets.ThreadChannelId(channelId, rootMessageId);
        await WatchAsync(threadId, community.CapabilityId, ct);
        return threadId;
    }

    /// <summary>
    /// Catches the channel up with the server (reporting entries applied / known) and returns its last
    /// <paramref name="limit"/> messages in CRDT order (Lamport, author, id).
    /// </summary>
    public async Task<IReadOnlyList<ChatMessage>> HistoryAsync(string channelId, int limit = 50, IProgress<SyncProgress>? progress = null, CancellationToken ct = default)
    {
        if (limit < 1) throw new HarmonyClientException(ChatErrorCodes.BadArgument, "The limit must be positive.");
        await CatchUpAsync(channelId, progress, ct);
        var messages = (await _store.MessagesAsync(channelId, ct)).ToList();
        messages.Sort(CrdtOrder);
        return messages.Skip(Math.Max(0, messages.Count - limit)).ToList();
    }

    /// <summary>
    /// The channel's last <paramref name="limit"/> messages as this client has them (CRDT order), without contacting
    /// the server: the offline view, including own messages still queued (<see cref="ChatMessage.Pending"/>) or
    /// refused (<see cref="ChatMessage.SendError"/>).
    /// </summary>
    public async Task<IReadOnlyList<ChatMessage>> LocalHistoryAsync(string channelId, int limit = 50, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        if (limit < 1) throw new HarmonyClientException(ChatErrorCodes.BadArgument, "The limit must be positive.");
        var messages = (await _store.MessagesAsync(channelId, ct)).ToList();
        messages.Sort(CrdtOrder);
        return messages.Skip(Math.Max(0, messages.Count - limit)).ToList();
    }

    /// <summary>
    /// The channel's messages as they arrive or change (new messages, edits, deletes, reactions; own messages first
    /// when queued, seq 0, then when logged), live and across reconnects, until <paramref name="ct"/> fires.
    /// </summary>
    public async IAsyncEnumerable<ChatMessage> TailAsync(string channelId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var community = await CommunityOfChannelAsync(channelId, ct);
        var tail = Channel.CreateBounded<ChatMessage>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _tails[tail] = channelId;
        try
        {
            await WatchAsync(channelId, community.CapabilityId, ct);
            await foreach (var message in tail.Reader.ReadAllAsync(ct)) yield return message;
        }
        finally { _tails.TryRemove(tail, out _); }
    }

    /// <summary>The CRDT display order of docs/crdt.md: Lamport, then author, then id (ordinal), as the web client.</summary>
    public static int CrdtOrder(ChatMessage a, ChatMessage b)
    {
        var c = a.Lamport.CompareTo(b.Lamport);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Author, b.Author);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    private void RequireText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Encoding.UTF8.GetByteCount(text) > _options.MaxTextBytes)
            throw new HarmonyClientException(ChatErrorCodes.BadArgument, $"The text exceeds {_options.MaxTextBytes} UTF-8 bytes.");
    }

    private async Task<string> SendContentAsync(string channelId, EnvelopeKind kind, MessageContent content, string? target, string? replyTo, CancellationToken ct)
    {
        var community = await CommunityOfChannelAsync(channelId, ct);
        var envelope = await SealAsync(channelId, kind, content, target, replyTo, ct);
        // Sealed: from here the envelope is durable and is not given up on a dropped connection or a cancelled call.
        // It is stored and queued before anything touches the network; the queue sends it (again, with the same id:
        // the server dedupes) until the server logs or refuses it. MLS cannot decrypt one's own messages: the sender
        // keeps what it wrote.
        await _store.PutOwnContentAsync(envelope.Id, content.Encode(), CancellationToken.None);
        ChatMessage? pending = null;
        if (kind == EnvelopeKind.Message)
        {
            pending = NewMessage(envelope, 0, content.Text, null);
            await SaveAndPublishAsync(pending, 0, "", CancellationToken.None);
        }
        try
        {
            await Connection.EnqueueEnvelopeAsync(EnvelopeCodec.Encode(envelope), community.CapabilityId, CancellationToken.None);
        }
        catch (HarmonyException e) when (pending is not null)
        {
            // Not queued (the queue is full): the message must not look pending forever.
            await SaveAndPublishAsync(pending with { SendError = new ChatSendError(e.Code, e.Message) }, 0, "", CancellationToken.None);
            throw;
        }
        try { await WatchAsync(channelId, community.CapabilityId, ct); }
        catch (Exception) when (!_stopping.IsCancellationRequested)
        {
            // Watching only speeds up seeing the logged copy: the connection watches again on reconnect, and a refusal
            // of the send itself is reported on the message (SendError) when the queue is flushed.
        }
        return envelope.Id;
    }

    /// <summary>
    /// Marks own messages the server refused for good (<see cref="ChatMessage.SendError"/>) and reports every refused
    /// envelope on <see cref="ReadSendFailuresAsync"/>.
    /// </summary>
    private async Task RejectionsAsync()
    {
        var token = _stopping.Token;
        try
        {
            await foreach (var rejection in _rejected.Reader.ReadAllAsync(token))
            {
                var error = new ChatSendError(rejection.Error.Code, rejection.Error.Message);
                try
                {
                    if (await _store.GetMessageAsync(rejection.ChannelId, rejection.EnvelopeId, token) is { Message.Seq: 0 } own)
                        await SaveAndPublishAsync(own.Message with { SendError = error }, own.EditLamport, own.EditAuthor, token);
                }
                catch (Exception) when (!token.IsCancellationRequested)
                {
                    // The failure is still reported below.
                }
                _sendFailures.Writer.TryWrite(new ChatSendFailure(rejection.EnvelopeId, rejection.ChannelId, error));
                Pulse();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested) { }
    }

    /// <summary>
    /// Envelopes this client queued that the server refused for good (messages, edits, deletes, reactions, pins),
    /// as they are refused; the oldest are dropped when not read. Transient failures are retried, never reported.
    /// </summary>
    public IAsyncEnumerable<ChatSendFailure> ReadSendFailuresAsync(CancellationToken ct = default) => _sendFailures.Reader.ReadAllAsync(ct);

    /// <summary>
    /// Waits until this client's own message <paramref name="messageId"/> is in the log (it may still be queued);
    /// returns at once for messages that are not this client's pending ones.
    /// </summary>
    private async Task AwaitDurableAsync(string channelId, string messageId, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
        deadline.CancelAfter(_options.PendingRootTimeout);
        try
        {
            while (true)
            {
                var pulse = _progress.Task;
                var stored = await _store.GetMessageAsync(channelId, messageId, deadline.Token);
                if (stored is not { Message: var message } || message.Author != Did || message.Seq > 0) return;
                if (message.SendError is { } error)
                    throw new HarmonyClientException(ChatErrorCodes.RootNotSent, $"The message '{messageId}' was not sent ([{error.Code}] {error.Message}); no thread can start on it.");
                // Sends the queue now if connected (no-op otherwise; the reconnect sends it).
                _ = Connection.FlushAsync(deadline.Token).ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
                try { await pulse.WaitAsync(TimeSpan.FromSeconds(1), deadline.Token); }
                catch (TimeoutException) { }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            throw new HarmonyClientException(ChatErrorCodes.RootPending, $"The message '{messageId}' is still queued (not yet logged by the server) after {_options.PendingRootTimeout}; try again once connected.");
        }
    }

    /// <summary>Encrypts and signs an envelope without storing or sending it.</summary>
    /// <exception cref="HarmonyClientException"><c>client.mls.no_group</c> / <c>client.mls.encrypt_failed</c>: nothing was produced.</exception>
    private async Task<Envelope> SealAsync(string channelId, EnvelopeKind kind, MessageContent content, string? target, string? replyTo, CancellationToken ct)
    {
        // Encrypt first: without a group (or if MLS fails) this throws and nothing is signed, stored or sent.
        var ciphertext = await _groups.EncryptAsync(channelId, content.Encode(), ct);
        var at = channelId.IndexOf(ThreadMarker, StringComparison.Ordinal);
        return EnvelopeCodec.Sign(new Envelope
        {
            Channel = channelId,
            Author = Did,
            Lamport = await Connection.Store.NextLamportAsync(0, ct),
            Kind = kind,
            CreatedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            Thread = at < 0 ? null : channelId[(at + ThreadMarker.Length)..],
            ReplyTo = replyTo,
            Target = target,
            Ciphertext = ciphertext,
        }, _key);
    }

    /// <summary>An encoded message envelope for the channel's current epoch that is not sent (tests: late delivery).</summary>
    internal async Task<byte[]> SealUnsentAsync(string channelId, string text, CancellationToken ct) =>
        EnvelopeCodec.Encode(await SealAsync(channelId, EnvelopeKind.Message, new MessageContent(text), null, null, ct));

    /// <summary>Waits until everything the server had logged for the channel when called has been applied.</summary>
    private async Task CatchUpAsync(string channelId, IProgress<SyncProgress>? progress, CancellationToken ct)
    {
        var community = await CommunityOfChannelAsync(channelId, ct);
        await WatchAsync(channelId, community.CapabilityId, ct);
        var info = await CallAsync<JsonElement>("GetChannel", [channelId, community.CapabilityId], ct);
        var total = info.GetProperty("lastSeq").GetInt64();
        // Behind (for example a lost event on an idle channel): watching again makes the connection sync now.
        if (Applied(channelId) < total) await WatchAsync(channelId, community.CapabilityId, ct, resync: true);
        progress?.Report(new SyncProgress(channelId, Applied(channelId), total));
        await WaitForAsync(() =>
        {
            var applied = Applied(channelId);
            progress?.Report(new SyncProgress(channelId, Math.Min(applied, total), total));
            return applied >= total;
        }, _options.CatchUpTimeout, $"'{channelId}' to catch up", ct, () => WatchAsync(channelId, community.CapabilityId, ct, resync: true));
    }

    private long Applied(string channelId) => _applied.TryGetValue(channelId, out var seq) ? seq : 0;

    /// <summary>Applies log entries in order, one at a time, as the connection delivers them.</summary>
    private async Task PumpAsync()
    {
        var token = _stopping.Token;
        try
        {
            await foreach (var entry in Connection.ReadEnvelopesAsync(token))
            {
                try { await ApplyAsync(entry, token); }
                catch (Exception) when (!token.IsCancellationRequested)
                {
                    // A malformed or unreadable entry must not stop the log; it is skipped (and counted as applied).
                }
                _applied[entry.ChannelId] = Math.Max(Applied(entry.ChannelId), entry.Seq);
                try { await _store.SetAppliedAsync(entry.ChannelId, entry.Seq, token); }
                catch (Exception) when (!token.IsCancellationRequested) { }
                Pulse();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested) { }
    }

    private async Task ApplyAsync(ChannelEnvelope entry, CancellationToken ct)
    {
        if (entry.Seq <= Applied(entry.ChannelId)) return;
        var envelope = EnvelopeCodec.Decode(entry.Envelope);
        if (envelope.Channel != entry.ChannelId || !EnvelopeCodec.Verify(envelope)) return;
        if (envelope.Kind == EnvelopeKind.Handshake)
        {
            // Handshakes belong to the group's own channel, never to a thread.
            if (entry.ChannelId.Contains(ThreadMarker, StringComparison.Ordinal)) return;
            var outcome = await _groups.ApplyHandshakeAsync(entry.ChannelId, envelope.Author, envelope.Ciphertext, ct);
            if (outcome == HandshakeOutcome.Joined) _ = TopUpKeyPackagesAsync();
            return;
        }
        string? text = null, emoji = null, error = null;
        var own = envelope.Author == Did ? await _store.GetOwnContentAsync(envelope.Id, ct) : null;
        try
        {
            var content = MessageContent.Decode(own ?? await _groups.DecryptAsync(entry.ChannelId, envelope.Ciphertext, envelope.Author, ct));
            (text, emoji) = (content.Text, content.Emoji);
        }
        catch (HarmonyException e)
        {
            error = $"[{e.Code}] {e.Message}";
        }
        switch (envelope.Kind)
        {
            case EnvelopeKind.Message:
            {
                var existing = await _store.GetMessageAsync(entry.ChannelId, envelope.Id, ct);
                var message = existing is { } e
                    ? e.Message with { Seq = entry.Seq, SendError = null }
                    : NewMessage(envelope, entry.Seq, text, error);
                await SaveAndPublishAsync(message, existing?.EditLamport ?? 0, existing?.EditAuthor ?? "", ct);
                break;
            }
            case EnvelopeKind.Edit:
            {
                if (envelope.Target is null || await _store.GetMessageAsync(entry.ChannelId, envelope.Target, ct) is not { } t) break;
                if (t.Message.Author != envelope.Author || t.Message.Deleted) break;
                // Last writer wins by (Lamport, author).
                if (envelope.Lamport < t.EditLamport || (envelope.Lamport == t.EditLamport && string.CompareOrdinal(envelope.Author, t.EditAuthor) <= 0)) break;
                await SaveAndPublishAsync(t.Message with { Text = text, Edited = true, DecryptionError = error }, envelope.Lamport, envelope.Author, ct);
                break;
            }
            case EnvelopeKind.Delete:
            {
                if (envelope.Target is null || await _store.GetMessageAsync(entry.ChannelId, envelope.Target, ct) is not { } t) break;
                await SaveAndPublishAsync(t.Message with { Deleted = true, Text = null, DecryptionError = null }, t.EditLamport, t.EditAuthor, ct);
                break;
            }
            case EnvelopeKind.ReactionAdd or EnvelopeKind.ReactionRemove:
            {
                if (emoji is null || envelope.Target is null || await _store.GetMessageAsync(entry.ChannelId, envelope.Target, ct) is not { } t) break;
                var reactions = t.Message.Reactions.ToDictionary(r => r.Key, r => r.Value.ToList(), StringComparer.Ordinal);
                var who = reactions.TryGetValue(emoji, out var list) ? list : reactions[emoji] = [];
                if (envelope.Kind == EnvelopeKind.ReactionAdd) { if (!who.Contains(envelope.Author)) who.Add(envelope.Author); }
                else who.Remove(envelope.Author);
                if (who.Count == 0) reactions.Remove(emoji);
                var updated = reactions.ToDictionary(r => r.Key, r => (IReadOnlyList<string>)r.Value, StringComparer.Ordinal);
                await SaveAndPublishAsync(t.Message with { Reactions = updated }, t.EditLamport, t.EditAuthor, ct);
                break;
            }
            case EnvelopeKind.Pin or EnvelopeKind.Unpin:
            {
                if (envelope.Target is null || await _store.GetMessageAsync(entry.ChannelId, envelope.Target, ct) is not { } t) break;
                await SaveAndPublishAsync(t.Message with { Pinned = envelope.Kind == EnvelopeKind.Pin }, t.EditLamport, t.EditAuthor, ct);
                break;
            }
        }
    }

    private static ChatMessage NewMessage(Envelope envelope, long seq, string? text, string? error) => new()
    {
        Id = envelope.Id,
        ChannelId = envelope.Channel,
        Seq = seq,
        Author = envelope.Author,
        Lamport = envelope.Lamport,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(envelope.CreatedAtMs),
        Text = text,
        ReplyTo = envelope.ReplyTo,
        Thread = envelope.Thread,
        DecryptionError = error,
    };

    private async Task SaveAndPublishAsync(ChatMessage message, ulong editLamport, string editAuthor, CancellationToken ct)
    {
        await _store.PutMessageAsync(message, editLamport, editAuthor, ct);
        Publish(message);
    }

    private void Publish(ChatMessage message)
    {
        foreach (var (tail, channel) in _tails)
            if (channel == message.ChannelId) tail.Writer.TryWrite(message);
    }
}
