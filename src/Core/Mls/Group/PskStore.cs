namespace Harmony.Core.Mls.Group;

/// <summary>External pre-shared keys known to the local client, by PSK id. Values are never shown by <see cref="ToString"/>.</summary>
public sealed class PskStore
{
    private readonly Dictionary<string, byte[]> _psks = new(StringComparer.Ordinal);

    /// <summary>Registers (or replaces) the PSK with identifier <paramref name="pskId"/>.</summary>
    public void Add(byte[] pskId, byte[] psk) => _psks[Convert.ToHexString(pskId)] = psk;

    /// <summary>Looks up a PSK.</summary>
    public byte[]? Find(byte[] pskId) => _psks.GetValueOrDefault(Convert.ToHexString(pskId));

    /// <inheritdoc />
    public override string ToString() => $"PskStore({_psks.Count} keys)";
}
