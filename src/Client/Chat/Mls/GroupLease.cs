using Harmony.Core.Mls.Group;

namespace Harmony.Client.Chat.Mls;

/// <summary>
/// Exclusive access to one channel's MLS group (MlsGroup is not thread-safe, and a Commit must be built, sent and
/// merged without the log being applied in between). Dispose releases it.
/// </summary>
internal sealed class GroupLease : IDisposable
{
    private readonly GroupSlot _slot;
    private readonly ChannelGroups _owner;
    private bool _released;

    public GroupLease(GroupSlot slot, ChannelGroups owner, string channelId)
    {
        _slot = slot;
        _owner = owner;
        ChannelId = channelId;
    }

    /// <summary>The channel (group id).</summary>
    public string ChannelId { get; }

    /// <summary>The group, or null when this client is not in it.</summary>
    public MlsGroup? Group => _slot.Group;

    /// <summary>When this client last committed its own UpdatePath in the group.</summary>
    public DateTimeOffset SelfUpdated => _slot.SelfUpdated;

    /// <summary>Replaces the group (joined, created or left).</summary>
    public void Set(MlsGroup? group)
    {
        if (!ReferenceEquals(group, _slot.Group)) _slot.Group?.Dispose();
        _slot.Group = group;
    }

    /// <summary>Persists the group's state (or deletes it when there is none).</summary>
    public Task SaveAsync(CancellationToken ct, DateTimeOffset? selfUpdated = null)
    {
        if (selfUpdated is { } t) _slot.SelfUpdated = t;
        return _owner.SaveAsync(ChannelId, _slot, selfUpdated, ct);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_released) return;
        _released = true;
        _slot.Gate.Release();
    }
}
