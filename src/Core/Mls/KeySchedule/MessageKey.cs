namespace Harmony.Core.Mls.KeySchedule;

/// <summary>An AEAD key and nonce for one generation of a ratchet. Key material is never shown by <see cref="ToString"/>.</summary>
/// <param name="Generation">The ratchet generation.</param>
/// <param name="Key">AEAD key.</param>
/// <param name="Nonce">AEAD nonce (before the reuse guard is applied).</param>
public sealed record MessageKey(uint Generation, byte[] Key, byte[] Nonce)
{
    /// <inheritdoc />
    public override string ToString() => $"MessageKey(generation {Generation})";
}
