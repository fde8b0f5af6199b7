namespace Harmony.Core.Capabilities;

/// <summary>The replay cache of invocation nonces.</summary>
public interface INonceStore
{
    /// <summary>
    /// Records <paramref name="key"/> until <paramref name="expiresAt"/> and returns true, or returns false if it is
    /// already recorded and not yet expired. Must be atomic: of two concurrent calls with one key, one returns false.
    /// </summary>
    ValueTask<bool> TryRecordAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);
}
