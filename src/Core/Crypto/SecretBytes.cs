using System.Security.Cryptography;

namespace Harmony.Core.Crypto;

/// <summary>
/// Secret key material (private keys, shared secrets, derived keys, seeds). <see cref="ToString"/> shows only the
/// length; <see cref="Dispose"/> zeroes the buffer. Read it through <see cref="Span"/> or copy it with
/// <see cref="ToArray"/> when an API needs an array.
/// </summary>
public sealed class SecretBytes : IDisposable, IEquatable<SecretBytes>
{
    private readonly byte[] _bytes;
    private bool _disposed;

    /// <summary>Takes ownership of <paramref name="bytes"/> (no copy); the caller must not keep using the array.</summary>
    public SecretBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        _bytes = bytes;
    }

    /// <summary>Copies <paramref name="bytes"/> into a new secret.</summary>
    public static SecretBytes CopyFrom(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

    /// <summary>The number of bytes.</summary>
    public int Length => _bytes.Length;

    /// <summary>The secret bytes; throws after <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _bytes;
        }
    }

    /// <summary>Returns a copy the caller owns (and should clear with <see cref="CryptographicOperations.ZeroMemory"/>).</summary>
    public byte[] ToArray() => Span.ToArray();

    /// <summary>Constant-time comparison of two secrets of equal length.</summary>
    public bool Equals(SecretBytes? other) =>
        other is not null && other.Length == Length && CryptographicOperations.FixedTimeEquals(Span, other.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SecretBytes);

    /// <summary>Depends on the length only, so hashing never leaks content.</summary>
    public override int GetHashCode() => Length;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        CryptographicOperations.ZeroMemory(_bytes);
        _disposed = true;
    }

    /// <inheritdoc />
    public override string ToString() => $"SecretBytes({_bytes.Length} bytes, redacted)";
}
