namespace Harmony.Core.Capabilities;

/// <summary>The revoked capability ids, consulted by <see cref="CapabilityVerifier"/> on every verification.</summary>
public interface ICapabilityRevocationList
{
    /// <summary>Returns the first of <paramref name="capabilityIds"/> that is revoked, or null when none is.</summary>
    ValueTask<string?> FindRevokedAsync(IReadOnlyList<string> capabilityIds, CancellationToken cancellationToken = default);
}
