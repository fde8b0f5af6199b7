using System.Text.Json;
using Harmony.Client.Chat.Mls;
using Harmony.Client.Protocol;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Protocol;

namespace Harmony.Client.Chat;

public sealed partial class HarmonyChatClient
{
    /// <summary>
    /// Compares a community's roster with each channel group this client is in: commits Adds for members without a
    /// leaf (claiming one KeyPackage each, Welcome after the Commit) and Removes for leaves of non-members. Any member
    /// may do it; the server takes the first Commit per epoch and the others rebase or find nothing left to do.
    /// </summary>
    public async Task SyncMembershipAsync(string communityId, CancellationToken ct = default) => await ReconcileCommunityAsync(communityId, ct);

    /// <summary>Commits a fresh UpdatePath in the channel's group now (post-compromise security); normally done every <see cref="HarmonyChatOptions.SelfUpdateInterval"/>.</summary>
    public async Task SelfUpdateAsync(string channelId, CancellationToken ct = default)
    {
        var community = await CommunityOfChannelAsync(channelId, ct);
        await CommitAsync(ChannelGroups.GroupChannel(channelId), community.CapabilityId, _ => new CommitPlan([], [], ForcePath: true), ct);
    }

    /// <summary>The current MLS epoch and epoch authenticator of a channel's group, or null when this client is not in it.</summary>
    public async Task<(ulong Epoch, byte[] Authenticator, IReadOnlyList<string> Members)?> GroupStatusAsync(string channelId, CancellationToken ct = default)
    {
        using var lease = await _groups.AcquireAsync(channelId, ct);
        if (lease.Group is not { IsActive: true } g) return null;
        return (g.Epoch, g.EpochAuthenticator, g.Members.Select(m => MemberCredentials.DidOf(m.Credential) ?? "").ToList());
    }

    /// <summary>How many of this client's Commits lost an epoch race (diagnostics and tests).</summary>
    internal int EpochMismatches => Volatile.Read(ref _epochMismatches);

    /// <summary>Decrypts an encoded envelope's content with this client's group (tests: what a removed member can read).</summary>
    internal async Task<byte[]> DecryptEnvelopeAsync(byte[] encoded, CancellationToken ct)
    {
        var envelope = EnvelopeCodec.Decode(encoded);
        return await _groups.DecryptAsync(envelope.Channel, envelope.Ciphertext, envelope.Author, ct);
    }

    private sealed record CommitPlan(IReadOnlyList<string> Add, IReadOnlyList<uint> Remove, bool ForcePath = false)
    {
        public bool IsEmpty => Add.Count == 0 && Remove.Count == 0 && !ForcePath;
    }

    private async Task ReconcileCommunityAsync(string communityId, CancellationToken ct)
    {
        if (!_communities.TryGetValue(communityId, out var community) || community.Peer is not null) return;
        await _membershipGate.WaitAsync(ct);
        try
        {
            var info = await LoadCommunityAsync(communityId, ct);
            var roster = (await GetMembersAsync(communityId, ct)).Select(m => m.Did).Append(info.Owner).ToHashSet(StringComparer.Ordinal);
            foreach (var channel in info.Channels)
            {
                await CommitAsync(channel.Id, community.CapabilityId, group =>
                {
                    var present = group.Members.Select(m => (m.Leaf, Did: MemberCredentials.DidOf(m.Credential))).ToList();
                    var missing = roster.Where(d => present.All(p => p.Did != d)).ToList();
                    var stale = present.Where(p => p.Did is null || !roster.Contains(p.Did)).Select(p => p.Leaf).ToList();
                    return new CommitPlan(missing, stale);
                }, ct);
            }
        }
        finally { _membershipGate.Release(); }
    }

    private async Task RemoveFromGroupsAsync(string communityId, string memberDid, CancellationToken ct)
    {
        var community = Community(communityId);
        var info = await LoadCommunityAsync(communityId, ct);
        foreach (var channel in info.Channels)
        {
            await CommitAsync(channel.Id, community.CapabilityId, group =>
                new CommitPlan([], group.Members.Where(m => MemberCredentials.DidOf(m.Credential) == memberDid).Select(m => m.Leaf).ToList()), ct);
        }
    }

    /// <summary>
    /// Builds a Commit from <paramref name="plan"/> on the group's current epoch, sends it as a handshake envelope
    /// and merges it once the server accepts it, then sends the Welcome. On <c>EpochMismatch</c> another member's
    /// Commit won: catch up (processing the winner), re-plan and retry. Claimed KeyPackages are reused across retries.
    /// </summary>
    private async Task CommitAsync(string channelId, string capabilityId, Func<Core.Mls.Group.MlsGroup, CommitPlan> plan, CancellationToken ct,
        Dictionary<string, KeyPackage?>? claimed = null)
    {
        claimed ??= new Dictionary<string, KeyPackage?>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < _options.MaxCommitAttempts; attempt++)
        {
            byte[]? welcome = null;
            var lost = false;
            ulong lostEpoch = 0;
            using (var lease = await _groups.AcquireAsync(channelId, ct))
            {
                if (lease.Group is not { IsActive: true } group) return;
                var next = plan(group);
                if (next.IsEmpty) return;
                var proposals = new List<Proposal>();
                foreach (var did in next.Add)
                {
                    if (!claimed.TryGetValue(did, out var keyPackage)) claimed[did] = keyPackage = await ClaimAsync(did, ct);
                    if (keyPackage is not null) proposals.Add(new AddProposal(keyPackage));
                }
                proposals.AddRange(next.Remove.Select(leaf => new RemoveProposal(leaf)));
                if (proposals.Count == 0 && !next.ForcePath) return;
                var output = group.Commit(proposals, forceUpdatePath: next.ForcePath);
                try
                {
                    await CallAsync<AppendResult>("Send", [Handshake(channelId, output.Commit.ToBytes()), capabilityId, null], ct);
                }
                catch (HarmonyServerException e) when (e.Code == ErrorCodes.EpochMismatch)
                {
                    group.ClearPendingCommit();
                    Interlocked.Increment(ref _epochMismatches);
                    lost = true;
                    lostEpoch = group.Epoch;
                }
                catch (HarmonyServerException)
                {
                    group.ClearPendingCommit();
                    throw;
                }
                // Other failures (connection lost) keep the pending Commit: if the server did log it, its echo merges it.
                if (!lost)
                {
                    group.MergePendingCommit();
                    await lease.SaveAsync(ct, next.ForcePath ? _options.Time.GetUtcNow() : null);
                    welcome = output.Welcome?.ToBytes();
                }
            }
            if (lost)
            {
                await WaitForWinnerAsync(channelId, capabilityId, lostEpoch, ct);
                continue;
            }
            if (welcome is not null) await Connection.EnqueueEnvelopeAsync(Handshake(channelId, welcome), capabilityId, ct);
            return;
        }
        throw new HarmonyClientException(ChatErrorCodes.CommitConflict, $"Could not commit to '{channelId}' after {_options.MaxCommitAttempts} attempts.");
    }

    private byte[] Handshake(string channelId, byte[] mlsMessage) => EnvelopeCodec.Encode(EnvelopeCodec.Sign(new Envelope
    {
        Channel = channelId,
        Author = Did,
        Lamport = 0,
        Kind = EnvelopeKind.Handshake,
        CreatedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        Ciphertext = mlsMessage,
    }, _key));

    /// <summary>Claims one of <paramref name="did"/>'s KeyPackages; null when it has none or it is not bound to its DID.</summary>
    private async Task<KeyPackage?> ClaimAsync(string did, CancellationToken ct)
    {
        var claim = await CallAsync<KeyPackageClaim?>("ClaimKeyPackage", [did], ct);
        if (claim is null) return null;
        try
        {
            var keyPackage = _groups.ParseClaimed(claim.KeyPackage);
            return MemberCredentials.DidOf(keyPackage.LeafNode.Credential) == did ? keyPackage : null;
        }
        catch (Exception e) when (e is MlsException or HarmonyClientException)
        {
            return null;
        }
    }

    /// <summary>
    /// After an <c>EpochMismatch</c>: waits until this client's group has left <paramref name="epoch"/>, i.e. it has
    /// processed the winning Commit (which the server may still be writing when it refuses ours), syncing again while idle.
    /// </summary>
    private async Task WaitForWinnerAsync(string channelId, string capabilityId, ulong epoch, CancellationToken ct)
    {
        await WatchAsync(channelId, capabilityId, ct, resync: true);
        await WaitForAsync(() => _groups.LastSavedEpoch(channelId) is not { } e || e > epoch, _options.CatchUpTimeout,
            $"the winning Commit of epoch {epoch} in '{channelId}'", ct, () => WatchAsync(channelId, capabilityId, ct, resync: true));
    }

    /// <summary>Keeps <see cref="HarmonyChatOptions.KeyPackagePoolTarget"/> KeyPackages on the server, plus a last-resort one.</summary>
    private async Task EnsureKeyPackagesAsync(CancellationToken ct)
    {
        await _keyPackageGate.WaitAsync(ct);
        try
        {
            var count = await CallAsync<int>("CountKeyPackages", [], ct);
            var lastResort = await _store.HasLastResortAsync(ct) ? null : await _groups.NewKeyPackageAsync(lastResort: true, ct);
            var missing = Math.Max(0, _options.KeyPackagePoolTarget - count);
            if (missing == 0 && lastResort is null) return;
            var packages = new List<byte[]>();
            for (var i = 0; i < missing; i++) packages.Add(await _groups.NewKeyPackageAsync(lastResort: false, ct));
            await CallAsync<int>("UploadKeyPackages", [packages.ToArray(), lastResort], ct);
        }
        finally { _keyPackageGate.Release(); }
    }

    private async Task TopUpKeyPackagesAsync()
    {
        try { await EnsureKeyPackagesAsync(_stopping.Token); }
        catch (Exception)
        {
            // Best effort (offline, or the client is being disposed): the maintenance loop tops the pool up later.
        }
    }

    /// <summary>Turns <c>membership</c> events into roster comparisons of their communities.</summary>
    private async Task MembershipEventsAsync()
    {
        try
        {
            await foreach (var change in Connection.ReadMembershipAsync(_stopping.Token))
            {
                if (!_channelCommunity.TryGetValue(ChannelGroups.GroupChannel(change.ChannelId), out var communityId)) continue;
                if (change.Did == Did && !change.Joined) _membershipWork.Writer.TryWrite(ForgetPrefix + communityId);
                else _membershipWork.Writer.TryWrite(communityId);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Marks a worker item that forgets a community instead of reconciling it (ids never contain a space).</summary>
    private const string ForgetPrefix = "forget ";

    private async Task MembershipWorkerAsync()
    {
        var token = _stopping.Token;
        try
        {
            while (await _membershipWork.Reader.WaitToReadAsync(token))
            {
                // One event per channel arrives for each change: reconcile each community once per batch.
                var batch = new HashSet<string>(StringComparer.Ordinal);
                while (_membershipWork.Reader.TryRead(out var id)) batch.Add(id);
                foreach (var id in batch)
                {
                    try
                    {
                        // This client was kicked or banned (or left elsewhere): its groups and capability are gone.
                        if (id.StartsWith(ForgetPrefix, StringComparison.Ordinal)) await ForgetCommunityAsync(id[ForgetPrefix.Length..], token);
                        else if (!batch.Contains(ForgetPrefix + id)) await ReconcileCommunityAsync(id, token);
                    }
                    catch (Exception) when (!token.IsCancellationRequested)
                    {
                        // Not fatal (offline, no KeyPackage, lost races): the next event or poll tries again.
                    }
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Self-updates, KeyPackage pool and roster polling, every <see cref="HarmonyChatOptions.MaintenanceInterval"/>.</summary>
    private async Task MaintenanceAsync()
    {
        var token = _stopping.Token;
        var lastPoll = _options.Time.GetUtcNow();
        try
        {
            while (!token.IsCancellationRequested)
            {
                await Task.Delay(_options.MaintenanceInterval, _options.Time, token);
                try
                {
                    await EnsureKeyPackagesAsync(token);
                    await SelfUpdateDueAsync(token);
                    var now = _options.Time.GetUtcNow();
                    if (_options.MembershipPollInterval != Timeout.InfiniteTimeSpan && now - lastPoll >= _options.MembershipPollInterval)
                    {
                        lastPoll = now;
                        foreach (var id in _communities.Keys) _membershipWork.Writer.TryWrite(id);
                    }
                }
                catch (Exception) when (!token.IsCancellationRequested)
                {
                    // Offline or refused: next round.
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Commits an UpdatePath in every group whose last self-update is older than <see cref="HarmonyChatOptions.SelfUpdateInterval"/>.</summary>
    internal async Task SelfUpdateDueAsync(CancellationToken ct)
    {
        var now = _options.Time.GetUtcNow();
        foreach (var (channelId, updated) in await _store.GroupsAsync(ct))
        {
            if (now - updated < _options.SelfUpdateInterval) continue;
            if (!_channelCommunity.TryGetValue(channelId, out var communityId) || !_communities.TryGetValue(communityId, out var community)) continue;
            await CommitAsync(channelId, community.CapabilityId, _ => new CommitPlan([], [], ForcePath: true), ct);
        }
    }
}
