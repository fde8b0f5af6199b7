using Harmony.Core.Capabilities;

namespace Harmony.Grains.Authorization;

/// <summary>
/// The revocation list of one grain activation: the community's revoked capability ids as last installed. The
/// community replaces it (through <c>PolicyChangedAsync</c>) before it acknowledges a revocation.
/// </summary>
internal sealed class PolicyRevocationList : ICapabilityRevocationList
{
    private HashSet<string> _revoked = new(StringComparer.Ordinal);

    public void Replace(IEnumerable<string> revoked) => _revoked = new HashSet<string>(revoked, StringComparer.Ordinal);

    public ValueTask<string?> FindRevokedAsync(IReadOnlyList<string> capabilityIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in capabilityIds)
            if (_revoked.Contains(id)) return ValueTask.FromResult<string?>(id);
        return ValueTask.FromResult<string?>(null);
    }
}
