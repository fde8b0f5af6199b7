using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Harmony.Core.Credentials;

/// <summary>A thread-safe in-process <see cref="IRevocationRegistry"/> (tests, single-node setups, caches).</summary>
/// <param name="time">Clock used to check the revocation's proof expiry.</param>
/// <param name="maxEntries">Most revocations held (default 100 000); more is refused with <c>revocation.capacity</c>.</param>
/// <param name="limits">Size and depth limits for submitted documents.</param>
public sealed class InMemoryRevocationRegistry(TimeProvider? time = null, int maxEntries = 100_000, CredentialLimits? limits = null) : IRevocationRegistry
{
    private readonly ConcurrentDictionary<(string Issuer, string CredentialId), RevocationEntry> _entries = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly CredentialLimits _limits = limits ?? CredentialLimits.Default;
    private readonly Lock _addLock = new();

    /// <summary>How many revocations are held.</summary>
    public int Count => _entries.Count;

    /// <inheritdoc />
    public RevocationEntry Submit(JsonObject signedRevocation)
    {
        var entry = CredentialRevocation.Verify(signedRevocation, _time, _limits);
        var key = (entry.Issuer, entry.CredentialId);
        lock (_addLock)
        {
            if (_entries.TryGetValue(key, out var existing)) return existing;
            if (_entries.Count >= maxEntries)
                throw new CredentialException(CredentialErrorCodes.RevocationCapacity, $"The registry holds its maximum of {maxEntries} revocations.");
            _entries[key] = entry;
        }
        return entry;
    }

    /// <inheritdoc />
    public bool IsRevoked(string issuer, string credentialId) => _entries.ContainsKey((issuer, credentialId));
}
