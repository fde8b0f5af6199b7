namespace Harmony.Core.Mls.Codec;

/// <summary>Compares byte arrays by content, for sets of keys without converting them to strings.</summary>
internal sealed class ByteSequenceComparer : IEqualityComparer<byte[]>
{
    /// <summary>The shared instance.</summary>
    public static ByteSequenceComparer Instance { get; } = new();

    /// <inheritdoc />
    public bool Equals(byte[]? x, byte[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    /// <inheritdoc />
    public int GetHashCode(byte[] obj)
    {
        var hash = new HashCode();
        hash.AddBytes(obj);
        return hash.ToHashCode();
    }
}
