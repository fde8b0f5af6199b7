using System.Collections.Concurrent;

namespace Harmony.Core.Capabilities;

/// <summary>A process-local revocation list (tests, the CLI, single-node use). Thread-safe.</summary>
public sealed class InMemoryCapabilityRevocationList : ICapabilityRevocationList
{
    private readonly ConcurrentDictionary<string, byte> _revoked = new(StringComparer.Ordinal);

    /// <summary>Revokes <paramref name="capabilityId"/> (and so every capability delegated from it).</summary>
    public void Revoke(string capabilityId) => _revoked[capabilityId] = 0;

    /// <summary>Whether <paramref name="capabilityId"/> itself is revoked.</summary>
    public bool IsRevoked(string capabilityId) => _revoked.ContainsKey(capabilityId);

    /// <inheritdoc />
    public ValueTask<string?> FindRevokedAsync(IReadOnlyList<string> capabilityIds, CancellationToken cancellationToken = default)
    {
        if (!_revoked.IsEmpty)
            foreach (var id in capabilityIds)
                if (_revoked.ContainsKey(id)) return ValueTask.FromResult<string?>(id);
        return ValueTask.FromResult<string?>(null);
    }
}
