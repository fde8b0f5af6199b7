using Harmony.Grains.Abstractions;
using Harmony.Grains.Abstractions.Member;
using Harmony.Grains.Authorization;

namespace Harmony.Grains.Member;

/// <summary>
/// A member: profile, memberships, the MLS KeyPackage pool (each package handed out once; the last-resort package is
/// handed out when the pool is empty and never deleted), presence counted per (gateway, connection) so a dead gateway's
/// connections can be dropped together, and the DM index.
/// </summary>
internal sealed class MemberGrain(
    [PersistentState("member", ProviderNames.GrainStorage)] IPersistentState<MemberState> state,
    HarmonyGrainOptions options,
    TimeProvider time) : Grain, IMemberGrain
{
    private readonly Dictionary<string, HashSet<string>> _connections = new(StringComparer.Ordinal);

    private MemberState S => state.State;

    /// <inheritdoc />
    public Task<MemberProfile> GetProfileAsync() => Task.FromResult(S.Profile);

    /// <inheritdoc />
    public async Task SetProfileAsync(MemberProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        foreach (var field in new[] { profile.DisplayName, profile.AvatarUrl, profile.Bio })
            if (field is { Length: var n } && n > options.MaxProfileFieldLength)
                throw Refusals.TooLarge($"Profile fields are at most {options.MaxProfileFieldLength} characters.");
        S.Profile = profile;
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task AddMembershipAsync(string communityId)
    {
        ArgumentException.ThrowIfNullOrEmpty(communityId);
        if (S.Memberships.Contains(communityId)) return;
        S.Memberships.Add(communityId);
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task RemoveMembershipAsync(string communityId)
    {
        if (S.Memberships.Remove(communityId)) await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetMembershipsAsync() => Task.FromResult<IReadOnlyList<string>>([.. S.Memberships]);

    /// <inheritdoc />
    public async Task<int> UploadKeyPackagesAsync(IReadOnlyList<byte[]> keyPackages, byte[]? lastResort)
    {
        ArgumentNullException.ThrowIfNull(keyPackages);
        var all = lastResort is null ? keyPackages : [.. keyPackages, lastResort];
        if (all.Any(k => k is null || k.Length == 0 || k.Length > options.MaxKeyPackageBytes))
            throw Refusals.TooLarge($"KeyPackages must be 1 to {options.MaxKeyPackageBytes} bytes.");
        if (S.KeyPackages.Count + keyPackages.Count > options.MaxKeyPackages)
            throw Refusals.TooLarge($"At most {options.MaxKeyPackages} KeyPackages can be pooled.");
        S.KeyPackages.AddRange(keyPackages.Select(k => k.ToArray()));
        if (lastResort is not null) S.LastResortKeyPackage = lastResort.ToArray();
        await state.WriteStateAsync();
        return S.KeyPackages.Count;
    }

    /// <inheritdoc />
    public async Task<KeyPackageClaim?> ClaimKeyPackageAsync()
    {
        if (S.KeyPackages.Count == 0)
            return S.LastResortKeyPackage is { } lastResort ? new KeyPackageClaim { KeyPackage = lastResort, LastResort = true } : null;
        var claimed = S.KeyPackages[0];
        S.KeyPackages.RemoveAt(0);
        // Persist before returning: a package handed out must never be handed out again, even after a crash.
        await state.WriteStateAsync();
        return new KeyPackageClaim { KeyPackage = claimed };
    }

    /// <inheritdoc />
    public Task<int> CountKeyPackagesAsync() => Task.FromResult(S.KeyPackages.Count);

    /// <inheritdoc />
    public Task<PresenceInfo> ConnectAsync(string gatewayId, string connectionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(gatewayId);
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        if (!_connections.TryGetValue(gatewayId, out var set)) _connections[gatewayId] = set = new HashSet<string>(StringComparer.Ordinal);
        if (!set.Contains(connectionId) && ConnectionCount() >= options.MaxConnectionsPerMember)
            throw Refusals.TooLarge($"At most {options.MaxConnectionsPerMember} connections per member.");
        set.Add(connectionId);
        return Touch();
    }

    /// <inheritdoc />
    public Task<PresenceInfo> DisconnectAsync(string gatewayId, string connectionId)
    {
        if (_connections.TryGetValue(gatewayId, out var set) && set.Remove(connectionId) && set.Count == 0) _connections.Remove(gatewayId);
        return Touch();
    }

    /// <inheritdoc />
    public Task<PresenceInfo> DropGatewayAsync(string gatewayId)
    {
        _connections.Remove(gatewayId);
        return Touch();
    }

    /// <inheritdoc />
    public Task<PresenceInfo> GetPresenceAsync() => Task.FromResult(Presence());

    /// <inheritdoc />
    public async Task AddDirectMessageAsync(DirectMessageLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var existing = S.DirectMessages.FindIndex(d => d.ChannelId == link.ChannelId);
        if (existing >= 0)
        {
            // A link opened through the DM's community (with its capability) supersedes a bare client-added one.
            if (link.CommunityId is null || S.DirectMessages[existing] == link) return;
            S.DirectMessages[existing] = link;
            await state.WriteStateAsync();
            return;
        }
        if (S.DirectMessages.Count >= options.MaxDirectMessages) throw Refusals.TooLarge($"At most {options.MaxDirectMessages} DM conversations.");
        S.DirectMessages.Add(link);
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DirectMessageLink>> GetDirectMessagesAsync() => Task.FromResult<IReadOnlyList<DirectMessageLink>>([.. S.DirectMessages]);

    private int ConnectionCount() => _connections.Values.Sum(s => s.Count);

    private Task<PresenceInfo> Touch()
    {
        // Last-seen lives in memory while the member is active; it is persisted with the next state write.
        S.LastSeen = time.GetUtcNow();
        return Task.FromResult(Presence());
    }

    private PresenceInfo Presence()
    {
        var count = ConnectionCount();
        return new PresenceInfo { Online = count > 0, Connections = count, LastSeen = S.LastSeen };
    }
}
