using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Harmony.Core.Protocol;
using Harmony.Grains.Abstractions;
using Harmony.Grains.Abstractions.Authorization;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Abstractions.Community;
using Harmony.Grains.Abstractions.Errors;
using Harmony.Grains.Authorization;
using Harmony.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Harmony.Grains.Channel;

/// <summary>
/// A channel's durable log. Reentrant so that appends verified concurrently share one group commit: each authorized
/// append joins a queue, one flush loop at a time writes everything queued in one <see cref="IMessageLogStore.AppendBatchAsync"/>,
/// and callers are acknowledged with their sequence number only after their batch is durable; the batch is then
/// delivered, in sequence order and in one call, to every registered gateway watcher (<see cref="IChannelObserver"/>).
/// Sequence numbers are assigned when a batch is formed, so a failed write leaves no gap. Signatures are verified off
/// the activation's turn (on the thread pool), so one channel's appends verify in parallel while sequencing stays in
/// the turn.
/// </summary>
[Reentrant]
internal sealed partial class ChannelGrain(
    [PersistentState("channel", ProviderNames.GrainStorage)] IPersistentState<ChannelState> state,
    IMessageLogStore store,
    HarmonyGrainOptions options,
    TimeProvider time,
    INonceStore nonces,
    VerifiedChainCache chainCache,
    ILogger<ChannelGrain> logger) : Grain, IChannelGrain
{
    private const int MaxCachedCapabilities = 10_000;

    /// <summary>What members of an open community may do by the root capability's id.</summary>
    private static readonly FrozenSet<string> OpenMemberActions = FrozenSet.ToFrozenSet([Actions.Read, Actions.SendMessage, Actions.React, Actions.AddMember], StringComparer.Ordinal);
    private static readonly long MinUnixMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxUnixMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    private readonly List<PendingAppend> _pending = [];
    private readonly Dictionary<string, PendingAppend> _pendingById = new(StringComparer.Ordinal);
    private readonly RecentIds _recent = new(options.RecentIdCapacity);
    private readonly Dictionary<string, DateTimeOffset> _lastMessageAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _capabilities = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _stateWrite = new(1, 1);
    private readonly CapabilityGuard _guard = new(options, time, nonces, chainCache);
    private readonly AuthorizationCache _authorized = new(MaxCachedCapabilities);
    // Leases are operational, not protocol time: the system clock, so a test's fake clock never expires a gateway.
    private readonly ChannelWatchers _watchers = new(TimeProvider.System, options.WatcherLease, options.MaxWatchers);
    private CommunityPolicy? _policy;
    private HashSet<string> _banned = new(StringComparer.Ordinal);
    private long _lastSeq;
    private ulong _nextEpoch;
    private long _batches;
    private bool _flushing;

    private string ChannelId => this.GetPrimaryKeyString();

    private string CommunityTarget => InvocationTargets.Community(state.State.CommunityId);

    private string ChannelTarget => InvocationTargets.Channel(state.State.CommunityId, ChannelId);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _nextEpoch = state.State.MlsEpoch;
        if (state.State.Initialized) _lastSeq = await store.MaxSeqAsync(ChannelId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ChannelInfo> InitializeAsync(ChannelSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (!string.Equals(setup.ChannelId, ChannelId, StringComparison.Ordinal)) throw Refusals.BadRequest("The setup names another channel.");
        if (state.State.Initialized)
        {
            if (!string.Equals(state.State.CommunityId, setup.CommunityId, StringComparison.Ordinal))
                throw Refusals.Conflict($"Channel '{ChannelId}' already belongs to another community.");
            return Info();
        }
        Identifiers.RequireName(setup.Name, options, "channel name");
        state.State.Initialized = true;
        state.State.CommunityId = setup.CommunityId;
        state.State.Name = setup.Name;
        state.State.Kind = setup.Kind;
        state.State.SlowMode = ClampSlowMode(setup.SlowMode);
        state.State.ParentChannelId = setup.ParentChannelId;
        state.State.ThreadRootId = setup.ThreadRootId;
        await WriteStateAsync();
        _lastSeq = await store.MaxSeqAsync(ChannelId);
        return Info();
    }

    /// <inheritdoc />
    public Task<ChannelInfo> GetInfoAsync()
    {
        RequireInitialized();
        return Task.FromResult(Info());
    }

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(byte[] envelope, CapabilityProof proof)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(proof);
        RequireInitialized();
        var decoded = Decode(envelope);

        // Dedupe before verifying: the id is the hash of the signed content, so a known id can only be acknowledged,
        // never written again, and a retry storm costs a lookup instead of a signature check.
        if (_recent.TryGet(decoded.Id, out var knownSeq)) return new AppendResult { Seq = knownSeq, Duplicate = true };
        if (_pendingById.TryGetValue(decoded.Id, out var inFlight))
            return (await inFlight.Completion.Task) with { Duplicate = true };
        // The signature check is most of an append's CPU; off the turn, appends of this channel verify in parallel.
        await Task.Run(() => RequireSignature(decoded));

        var inspection = decoded.Kind == EnvelopeKind.Handshake ? MlsHandshake.Inspect(decoded.Ciphertext, options.Protocol.MaxEnvelopeBytes, decoded.Author) : null;
        var handshake = inspection?.Header;
        await EnsurePolicyAsync();
        if (_banned.Contains(decoded.Author)) throw Refusals.Banned(decoded.Author);
        var adds = inspection?.AddedDids ?? [];
        var action = adds.Count > 0 ? Actions.AddMember : await RequiredActionAsync(decoded);
        await AuthorizeAsync(proof, decoded.Author, action, binding: ("envelope", decoded.Id));
        if (adds.Count > 0) await RequireAddableAsync(adds);

        // Authorization awaited: the same envelope may have been queued or written meanwhile.
        if (_recent.TryGet(decoded.Id, out knownSeq)) return new AppendResult { Seq = knownSeq, Duplicate = true };
        if (_pendingById.TryGetValue(decoded.Id, out inFlight))
            return (await inFlight.Completion.Task) with { Duplicate = true };

        if (decoded.Kind == EnvelopeKind.Message) ApplySlowMode(decoded.Author);
        if (handshake is { } h) ReserveEpoch(h);

        var pending = new PendingAppend(decoded, envelope) { Handshake = handshake };
        _pending.Add(pending);
        _pendingById[decoded.Id] = pending;
        if (!_flushing) _ = FlushLoopAsync();
        return await pending.Completion.Task;
    }

    /// <inheritdoc />
    public async Task<LogPage> ReadAsync(long afterSeq, int limit, CapabilityProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        RequireInitialized();
        if (afterSeq < 0) throw Refusals.BadRequest("afterSeq must not be negative.");
        if (limit < 1 || limit > options.MaxReadLimit) throw Refusals.BadRequest($"limit must be between 1 and {options.MaxReadLimit}.");
        await EnsurePolicyAsync();
        var reader = await AuthorizeAsync(proof, proof.Holder, Actions.Read, binding: null);
        if (_banned.Contains(reader)) throw Refusals.Banned(reader);
        var lastSeq = _lastSeq;
        var entries = await store.ReadAsync(ChannelId, afterSeq, limit);
        return new LogPage
        {
            Entries = [.. entries.Select(e => new Abstractions.Channel.LogEntry { Seq = e.Seq, Envelope = e.Envelope, ReceivedAt = e.ReceivedAt })],
            LastSeq = Math.Max(lastSeq, entries.Count > 0 ? entries[^1].Seq : 0),
        };
    }

    /// <inheritdoc />
    public async Task TypingAsync(string did, CapabilityProof proof)
    {
        ArgumentException.ThrowIfNullOrEmpty(did);
        ArgumentNullException.ThrowIfNull(proof);
        RequireInitialized();
        await EnsurePolicyAsync();
        if (_banned.Contains(did)) throw Refusals.Banned(did);
        await AuthorizeAsync(proof with { Holder = did }, did, Actions.SendMessage, binding: null);
        Publish(new ChannelEvent { Kind = ChannelEventKind.Typing, ChannelId = ChannelId, Typist = did });
    }

    /// <inheritdoc />
    public async Task<ChannelInfo> CreateThreadAsync(string rootMessageId, CapabilityProof proof)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootMessageId);
        ArgumentNullException.ThrowIfNull(proof);
        RequireInitialized();
        if (state.State.Kind == ChannelKind.Thread) throw Refusals.BadRequest("Threads cannot have threads.");
        if (!IsEnvelopeId(rootMessageId)) throw Refusals.BadRequest("A thread's root must be an envelope id.");
        await EnsurePolicyAsync();
        var starter = await AuthorizeAsync(proof, proof.Holder, Actions.SendMessage, binding: ("thread", rootMessageId));
        if (_banned.Contains(starter)) throw Refusals.Banned(starter);
        var threadId = InvocationTargets.ThreadChannelId(ChannelId, rootMessageId);
        var thread = GrainFactory.GetGrain<IChannelGrain>(threadId);
        if (state.State.Threads.Contains(threadId)) return await thread.GetInfoAsync();
        if (!_recent.TryGet(rootMessageId, out _) && (await store.FindByIdsAsync(ChannelId, [rootMessageId])).Count == 0)
            throw Refusals.NotFound($"Message '{rootMessageId}' is not in channel '{ChannelId}'.");
        if (state.State.Threads.Count >= options.MaxThreads) throw Refusals.TooLarge($"Channel '{ChannelId}' has the maximum of {options.MaxThreads} threads.");
        var info = await thread.InitializeAsync(new ChannelSetup
        {
            CommunityId = state.State.CommunityId,
            ChannelId = threadId,
            Name = state.State.Name,
            Kind = ChannelKind.Thread,
            SlowMode = state.State.SlowMode,
            ParentChannelId = ChannelId,
            ThreadRootId = rootMessageId,
        });
        if (!state.State.Threads.Contains(threadId))
        {
            state.State.Threads.Add(threadId);
            await WriteStateAsync();
        }
        if (_policy is not null) await thread.PolicyChangedAsync(_policy);
        return info;
    }

    /// <inheritdoc />
    public async Task SetSlowModeAsync(TimeSpan interval, string invocation)
    {
        RequireInitialized();
        if (interval < TimeSpan.Zero || interval > options.MaxSlowMode) throw Refusals.BadRequest($"Slow mode must be between 0 and {options.MaxSlowMode}.");
        await EnsurePolicyAsync();
        var seconds = ((long)interval.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await AuthorizeAsync(CapabilityProof.ByInvocation(invocation), null, Actions.ManageChannels, binding: ("slowModeSeconds", seconds));
        state.State.SlowMode = TimeSpan.FromSeconds((long)interval.TotalSeconds);
        await WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task<ImportResult> ImportAsync(IReadOnlyList<byte[]> envelopes, string invocation)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        RequireInitialized();
        if (envelopes.Count > options.MaxImportBatch) throw Refusals.TooLarge($"At most {options.MaxImportBatch} envelopes per import.");
        var decoded = envelopes.Select(DecodeVerified).ToList();
        await EnsurePolicyAsync();
        await AuthorizeAsync(CapabilityProof.ByInvocation(invocation), null, Actions.ManageChannels,
            binding: ("import", ImportDigest.Compute(decoded.Select(e => e.Id))));

        var waits = new List<Task<AppendResult>>(decoded.Count);
        var duplicates = 0;
        for (var i = 0; i < decoded.Count; i++)
        {
            var envelope = decoded[i];
            if (_recent.TryGet(envelope.Id, out _)) { duplicates++; continue; }
            if (_pendingById.TryGetValue(envelope.Id, out var inFlight)) { waits.Add(AsDuplicateAsync(inFlight.Completion.Task)); continue; }
            // Imported history is applied as it was accepted by its origin: no epoch rule, but the epoch advances.
            var pending = new PendingAppend(envelope, envelopes[i])
            {
                Handshake = envelope.Kind == EnvelopeKind.Handshake ? MlsHandshake.InspectImported(envelope.Ciphertext, options.Protocol.MaxEnvelopeBytes) : null,
            };
            _pending.Add(pending);
            _pendingById[envelope.Id] = pending;
            waits.Add(pending.Completion.Task);
        }
        if (!_flushing && _pending.Count > 0) _ = FlushLoopAsync();
        var results = await Task.WhenAll(waits);
        duplicates += results.Count(r => r.Duplicate);
        return new ImportResult { Appended = decoded.Count - duplicates, Duplicates = duplicates, LastSeq = _lastSeq };
    }

    /// <inheritdoc />
    public async Task PolicyChangedAsync(CommunityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!state.State.Initialized || !string.Equals(policy.CommunityId, state.State.CommunityId, StringComparison.Ordinal)) return;
        InstallPolicy(policy);
        foreach (var thread in state.State.Threads.ToList())
            await GrainFactory.GetGrain<IChannelGrain>(thread).PolicyChangedAsync(policy);
    }

    /// <inheritdoc />
    public Task<long> AddWatcherAsync(IChannelObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        RequireInitialized();
        if (!_watchers.Add(observer)) throw Refusals.TooLarge($"Channel '{ChannelId}' has the maximum of {options.MaxWatchers} gateway watchers.");
        return Task.FromResult(_lastSeq);
    }

    /// <inheritdoc />
    public Task RemoveWatcherAsync(IChannelObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _watchers.Remove(observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task MembershipChangedAsync(string did, bool joined)
    {
        ArgumentException.ThrowIfNullOrEmpty(did);
        if (!state.State.Initialized) return Task.CompletedTask;
        // Open-community members are authorized by the roster: a leaver's cached checks must go.
        if (!joined) _authorized.Clear();
        Publish(new ChannelEvent { Kind = ChannelEventKind.Membership, ChannelId = ChannelId, Member = did, Joined = joined });
        return Task.CompletedTask;
    }

    /// <summary>Null, or base64url(SHA-256) as <see cref="EnvelopeCodec"/> computes ids (43 characters).</summary>
    private static bool IsEnvelopeId(string? id) =>
        id is null || (id.Length == 43 && id.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_'));

    private static async Task<AppendResult> AsDuplicateAsync(Task<AppendResult> original) => (await original) with { Duplicate = true };

    private Envelope DecodeVerified(byte[] bytes)
    {
        var envelope = Decode(bytes);
        RequireSignature(envelope);
        return envelope;
    }

    private static void RequireSignature(Envelope envelope)
    {
        if (!EnvelopeCodec.Verify(envelope)) throw Refusals.InvalidEnvelope("The envelope's signature is not its author's.");
    }

    /// <summary>Decodes and checks everything but the signature (see <see cref="RequireSignature"/>).</summary>
    private Envelope Decode(byte[] bytes)
    {
        Envelope envelope;
        try { envelope = EnvelopeCodec.Decode(bytes, options.Protocol); }
        catch (ProtocolException e) { throw GrainRequestException.From(e); }
        if (!string.Equals(envelope.Channel, ChannelId, StringComparison.Ordinal))
            throw Refusals.InvalidEnvelope($"The envelope is for channel '{envelope.Channel}', not '{ChannelId}'.");
        if (!string.Equals(envelope.Thread, state.State.ThreadRootId, StringComparison.Ordinal))
            throw Refusals.InvalidEnvelope("The envelope's thread does not match the channel's thread root.");
        if (envelope.Lamport > long.MaxValue) throw Refusals.InvalidEnvelope("The envelope's Lamport clock is out of range.");
        if (envelope.CreatedAtMs < MinUnixMs || envelope.CreatedAtMs > MaxUnixMs) throw Refusals.InvalidEnvelope("The envelope's creation time is out of range.");
        if (!IsEnvelopeId(envelope.Target) || !IsEnvelopeId(envelope.ReplyTo))
            throw Refusals.InvalidEnvelope("An envelope's target and replyTo must be envelope ids.");
        var needsTarget = envelope.Kind is not (EnvelopeKind.Message or EnvelopeKind.Handshake);
        if (needsTarget && string.IsNullOrEmpty(envelope.Target)) throw Refusals.InvalidEnvelope($"A {envelope.Kind} envelope needs a target.");
        return envelope;
    }

    /// <summary>The action an envelope needs: edits, deletes and pins of someone else's message need <c>Moderate</c>.</summary>
    private async Task<string> RequiredActionAsync(Envelope envelope)
    {
        switch (envelope.Kind)
        {
            case EnvelopeKind.Message:
                return state.State.Kind == ChannelKind.Announcement ? Actions.Moderate : Actions.SendMessage;
            case EnvelopeKind.ReactionAdd or EnvelopeKind.ReactionRemove:
                return Actions.React;
            case EnvelopeKind.Edit or EnvelopeKind.Delete or EnvelopeKind.Pin or EnvelopeKind.Unpin:
                var targetAuthor = await FindAuthorAsync(envelope.Target!)
                    ?? throw Refusals.NotFound($"Message '{envelope.Target}' is not in channel '{ChannelId}'.");
                return string.Equals(targetAuthor, envelope.Author, StringComparison.Ordinal) ? Actions.SendMessage : Actions.Moderate;
            default:
                // MLS handshakes that add no one (updates, removals, empty commits): any sender of the channel. Adds
                // need AddMember, decided by the caller from the inspected handshake.
                return Actions.SendMessage;
        }
    }

    /// <summary>
    /// Members may only add people who belong to the community: roster members, or holders of a capability registered
    /// with it (the peer of a direct message). Banned DIDs never qualify.
    /// </summary>
    private async Task RequireAddableAsync(IReadOnlyList<string> dids)
    {
        var community = GrainFactory.GetGrain<ICommunityGrain>(state.State.CommunityId);
        foreach (var did in dids)
        {
            if (_banned.Contains(did))
                throw Refusals.CapabilityInvalid($"'{did}' is banned from this community and cannot be added to the channel's MLS group.");
            if (!await community.IsParticipantAsync(did))
                throw Refusals.CapabilityInvalid($"'{did}' is neither a member of this community nor holds a capability registered with it, so it cannot be added to the channel's MLS group.");
        }
    }

    private async Task<string?> FindAuthorAsync(string id)
    {
        if (_pendingById.TryGetValue(id, out var pending)) return pending.Envelope.Author;
        var found = await store.FindByIdsAsync(ChannelId, [id]);
        if (!found.TryGetValue(id, out var seq)) return null;
        var entries = await store.ReadAsync(ChannelId, seq - 1, 1);
        return entries.Count == 1 && entries[0].Id == id ? entries[0].Author : null;
    }

    /// <summary>
    /// Checks <paramref name="proof"/> for <paramref name="action"/> on this channel and returns the authorized DID.
    /// With an invocation the invoker must be <paramref name="holder"/> (when given) and the document must name
    /// <paramref name="binding"/>; with a reference the capability is resolved from the community's registry.
    /// </summary>
    private async Task<string> AuthorizeAsync(CapabilityProof proof, string? holder, string action, (string Member, string Value)? binding)
    {
        var owner = _policy!.Owner;
        if (proof.Invocation is not null)
        {
            var (invocation, document) = await _guard.VerifyInvocationAsync(proof.Invocation, action, ChannelTarget, owner, CommunityTarget);
            if (holder is not null && !string.Equals(invocation.Invoker, holder, StringComparison.Ordinal))
                throw Refusals.Unauthorized($"The invoker '{invocation.Invoker}' is not '{holder}'.");
            if (binding is { } b) JsonText.RequireMember(document, b.Member, b.Value);
            return invocation.Invoker;
        }
        if (proof.CapabilityId is null) throw Refusals.Unauthorized("A capability invocation or reference is required.");
        if (holder is null) throw Refusals.Unauthorized("A capability reference needs the holder's DID.");
        var policyVersion = _policy.Version;
        if (_authorized.Allows(proof.CapabilityId, holder, action, policyVersion, time.GetUtcNow())) return holder;
        var capability = await ResolveCapabilityAsync(proof.CapabilityId);
        if (capability is null && _policy.Open && !string.Equals(holder, owner, StringComparison.Ordinal) && OpenMemberActions.Contains(action))
        {
            // Members of an open community hold no delegated capability; the roster is their proof.
            if (!await GrainFactory.GetGrain<ICommunityGrain>(state.State.CommunityId).IsParticipantAsync(holder))
                throw Refusals.CapabilityInvalid($"'{holder}' is not a member of this open community.");
            if (_policy.Version == policyVersion) _authorized.Add(proof.CapabilityId, holder, action, policyVersion, expires: null);
            return holder;
        }
        var chain = await _guard.VerifyHeldAsync(capability, holder, action, ChannelTarget, owner, CommunityTarget);
        // Only under the policy the check ran with: a newer one (installed while awaiting) may have revoked it.
        if (_policy.Version == policyVersion) _authorized.Add(proof.CapabilityId, holder, action, policyVersion, chain.Expires);
        return holder;
    }

    private async Task<JsonObject?> ResolveCapabilityAsync(string id)
    {
        if (string.Equals(id, InvocationTarget.RootCapabilityId(CommunityTarget), StringComparison.Ordinal)) return null;
        if (_capabilities.TryGetValue(id, out var cached)) return cached;
        var json = await GrainFactory.GetGrain<ICommunityGrain>(state.State.CommunityId).GetCapabilityAsync(id)
            ?? throw Refusals.CapabilityInvalid($"Capability '{id}' is not registered with this community.");
        var capability = _guard.ParseCapability(json);
        if (_capabilities.Count >= MaxCachedCapabilities) _capabilities.Clear();
        _capabilities[id] = capability;
        return capability;
    }

    /// <summary>
    /// The delivery service's ordering rule: handshakes must be for the group's current epoch, and the first Commit for
    /// an epoch wins (the epoch advances as soon as it is queued), so clients never fork.
    /// </summary>
    private void ReserveEpoch(HandshakeHeader handshake)
    {
        if (handshake.Epoch != _nextEpoch)
            throw Refusals.EpochMismatch($"The channel's MLS group is at epoch {_nextEpoch}; this {(handshake.IsCommit ? "Commit" : "Proposal")} is for epoch {handshake.Epoch}.");
        if (handshake.IsCommit) _nextEpoch++;
    }

    private void ApplySlowMode(string author)
    {
        var interval = state.State.SlowMode;
        if (interval <= TimeSpan.Zero) return;
        var now = time.GetUtcNow();
        if (_lastMessageAt.TryGetValue(author, out var last) && now - last < interval)
            throw Refusals.SlowMode(interval - (now - last));
        _lastMessageAt[author] = now;
    }

    private async Task EnsurePolicyAsync()
    {
        if (_policy is not null) return;
        var policy = await GrainFactory.GetGrain<ICommunityGrain>(state.State.CommunityId).GetPolicyAsync();
        InstallPolicy(policy);
    }

    private void InstallPolicy(CommunityPolicy policy)
    {
        if (_policy is not null && policy.Version < _policy.Version) return;
        _policy = policy;
        _banned = new HashSet<string>(policy.Banned, StringComparer.Ordinal);
        _guard.SetRevoked(policy.Revoked);
        _authorized.Clear();
    }

    private async Task FlushLoopAsync()
    {
        _flushing = true;
        try
        {
            while (_pending.Count > 0)
            {
                var batch = _pending.Take(options.MaxAppendBatch).ToList();
                _pending.RemoveRange(0, batch.Count);
                await WriteBatchAsync(batch);
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    private async Task WriteBatchAsync(List<PendingAppend> batch)
    {
        var receivedAt = time.GetUtcNow();
        var entries = batch.Select((p, i) => new Storage.LogEntry(
            _lastSeq + 1 + i, p.Envelope.Id, (long)p.Envelope.Lamport, p.Envelope.Author, (int)p.Envelope.Kind, p.Bytes, receivedAt)).ToList();
        try
        {
            await store.AppendBatchAsync(ChannelId, entries);
        }
        catch (MessageLogConflictException e) when (e.Reason == MessageLogConflictReason.DuplicateId)
        {
            // Ids written before this activation's memory: acknowledge those with their stored seq, retry the rest.
            var found = await store.FindByIdsAsync(ChannelId, [.. batch.Select(p => p.Envelope.Id)]);
            foreach (var p in batch.Where(p => found.ContainsKey(p.Envelope.Id)))
                Complete(p, new AppendResult { Seq = found[p.Envelope.Id], Duplicate = true });
            _pending.InsertRange(0, batch.Where(p => !found.ContainsKey(p.Envelope.Id)));
            return;
        }
        catch (Exception e)
        {
            LogBatchFailed(logger, e, ChannelId, batch.Count);
            foreach (var p in batch)
            {
                _pendingById.Remove(p.Envelope.Id);
                p.Completion.TrySetException(e);
            }
            if (e is MessageLogConflictException { Reason: MessageLogConflictReason.DuplicateSeq }) await ReloadLastSeqAsync();
            if (batch.Any(p => p.Handshake is { IsCommit: true })) DropQueuedHandshakes();
            return;
        }

        _lastSeq += entries.Count;
        _batches++;
        for (var i = 0; i < batch.Count; i++) Complete(batch[i], new AppendResult { Seq = entries[i].Seq });
        var events = entries.Select(e => new ChannelEvent { Kind = ChannelEventKind.Envelope, ChannelId = ChannelId, Seq = e.Seq, Envelope = e.Envelope }).ToArray();
        _watchers.Deliver(new ChannelEventBatch { ChannelId = ChannelId, Events = events }, OnWatcherFailed);
        await ApplyHeadEffectsAsync(batch);
    }

    /// <summary>A Commit was not written: the epoch stays, and queued handshakes that counted on it are refused.</summary>
    private void DropQueuedHandshakes()
    {
        _nextEpoch = state.State.MlsEpoch;
        foreach (var p in _pending.Where(p => p.Handshake is not null).ToList())
        {
            _pending.Remove(p);
            _pendingById.Remove(p.Envelope.Id);
            p.Completion.TrySetException(Refusals.EpochMismatch("An earlier Commit of this epoch could not be written; rebase on the current epoch."));
        }
    }

    /// <summary>Another writer (a duplicate activation during a failover) took sequence numbers: continue after them.</summary>
    private async Task ReloadLastSeqAsync()
    {
        try { _lastSeq = await store.MaxSeqAsync(ChannelId); }
        catch (Exception e) { LogBatchFailed(logger, e, ChannelId, 0); }
    }

    private void Complete(PendingAppend pending, AppendResult result)
    {
        _pendingById.Remove(pending.Envelope.Id);
        _recent.Add(pending.Envelope.Id, result.Seq);
        pending.Completion.TrySetResult(result);
    }

    /// <summary>Updates the head state a durable batch changes: pins, and the MLS epoch after a Commit.</summary>
    private async Task ApplyHeadEffectsAsync(List<PendingAppend> batch)
    {
        var changed = false;
        foreach (var p in batch)
        {
            if (p.Handshake is { IsCommit: true } commit && commit.Epoch + 1 > state.State.MlsEpoch)
            {
                state.State.MlsEpoch = commit.Epoch + 1;
                state.State.MlsEpochCommitId = p.Envelope.Id;
                _nextEpoch = Math.Max(_nextEpoch, state.State.MlsEpoch);
                changed = true;
                continue;
            }
            if (p.Envelope is { Kind: EnvelopeKind.Pin, Target: { } pin } && !state.State.Pins.Contains(pin) && state.State.Pins.Count < options.MaxPins)
            {
                state.State.Pins.Add(pin);
                changed = true;
            }
            else if (p.Envelope is { Kind: EnvelopeKind.Unpin, Target: { } unpin })
            {
                changed |= state.State.Pins.Remove(unpin);
            }
        }
        if (changed) await WriteStateAsync();
    }

    /// <summary>Delivers an ephemeral event (typing, membership) to the watchers.</summary>
    private void Publish(ChannelEvent channelEvent) =>
        _watchers.Deliver(new ChannelEventBatch { ChannelId = ChannelId, Events = [channelEvent] }, OnWatcherFailed);

    private void OnWatcherFailed(Exception e) => LogWatcherFailed(logger, e, ChannelId);

    private async Task WriteStateAsync()
    {
        await _stateWrite.WaitAsync();
        try { await state.WriteStateAsync(); }
        finally { _stateWrite.Release(); }
    }

    private void RequireInitialized()
    {
        if (!state.State.Initialized) throw Refusals.NotFound($"Channel '{ChannelId}' does not exist.");
    }

    private TimeSpan ClampSlowMode(TimeSpan value) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > options.MaxSlowMode ? options.MaxSlowMode : value;

    private ChannelInfo Info() => new()
    {
        CommunityId = state.State.CommunityId,
        ChannelId = ChannelId,
        Name = state.State.Name,
        Kind = state.State.Kind,
        SlowMode = state.State.SlowMode,
        LastSeq = _lastSeq,
        ParentChannelId = state.State.ParentChannelId,
        ThreadRootId = state.State.ThreadRootId,
        Threads = [.. state.State.Threads],
        Pins = [.. state.State.Pins],
        PendingAppends = _pendingById.Count,
        BatchesWritten = _batches,
        MlsEpoch = state.State.MlsEpoch,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Channel {Channel}: a group commit of {Count} entries failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string channel, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Channel}: delivering to a gateway watcher failed")]
    private static partial void LogWatcherFailed(ILogger logger, Exception exception, string channel);
}
