using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Harmony.Core.Mls.Codec;

/// <summary>
/// Encoder for the TLS presentation language as profiled by RFC 9420 §2.1. Vectors of unknown size are written with
/// <see cref="BeginVector"/>/<see cref="EndVector"/>, which back-patch the minimal variable-length prefix.
/// </summary>
public sealed class TlsWriter
{
    /// <summary>Largest length the variable-length prefix can express.</summary>
    public const int MaxVarInt = (1 << 30) - 1;

    private byte[] _buffer;
    private int _length;
    // Rented from the shared pool: temporary encodings of whole ratchet trees would otherwise each be a large-object
    // allocation (and push the runtime towards full collections).
    private bool _pooled;

    /// <summary>Creates a writer with an initial capacity.</summary>
    public TlsWriter(int capacity = 256) => _buffer = new byte[Math.Max(16, capacity)];

    private TlsWriter(byte[] buffer)
    {
        _buffer = buffer;
        _pooled = true;
    }

    /// <summary>A writer for a temporary encoding on a pooled buffer; call <see cref="Return"/> when done with it.</summary>
    internal static TlsWriter Rent(int capacity) => new(ArrayPool<byte>.Shared.Rent(Math.Max(16, capacity)));

    /// <summary>Wipes the written bytes and gives a pooled buffer back; the writer must not be used afterwards.</summary>
    internal void Return()
    {
        if (!_pooled) return;
        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _length));
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
        _pooled = false;
    }

    /// <summary>Number of bytes written.</summary>
    public int Length => _length;

    /// <summary>The bytes written so far (valid until the next write).</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>Copies the written bytes to a new array.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    /// <summary>
    /// The written bytes, without a copy when the writer was sized exactly (large encodings such as ratchet trees are
    /// then produced in one allocation). The writer must not be used afterwards.
    /// </summary>
    internal byte[] Detach() => _length == _buffer.Length && !_pooled ? _buffer : ToArray();

    /// <summary>Writes one byte.</summary>
    public void WriteUInt8(byte value) => Grow(1)[0] = value;

    /// <summary>Writes a big-endian uint16.</summary>
    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Grow(2), value);

    /// <summary>Writes a big-endian uint32.</summary>
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Grow(4), value);

    /// <summary>Writes a big-endian uint64.</summary>
    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64BigEndian(Grow(8), value);

    /// <summary>Writes raw bytes without a length prefix.</summary>
    public void WriteFixed(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Grow(bytes.Length));

    /// <summary>Writes a variable-length integer in its minimal form (RFC 9420 §2.1.2).</summary>
    public void WriteVarInt(int value)
    {
        if (value < 0 || value > MaxVarInt)
            throw new MlsException("mls.codec.too_long", "Length does not fit a variable-length integer.");
        var size = VarIntSize(value);
        EncodeVarInt(Grow(size), value, size);
    }

    /// <summary>Writes an <c>opaque&lt;V&gt;</c>.</summary>
    public void WriteOpaque(ReadOnlySpan<byte> bytes)
    {
        WriteVarInt(bytes.Length);
        WriteFixed(bytes);
    }

    /// <summary>Writes the presence byte of an <c>optional&lt;T&gt;</c>.</summary>
    public void WritePresence(bool present) => WriteUInt8(present ? (byte)1 : (byte)0);

    /// <summary>Starts a vector of not-yet-known length; pass the result to <see cref="EndVector"/>.</summary>
    public int BeginVector()
    {
        Grow(4);
        return _length;
    }

    /// <summary>Closes a vector started with <see cref="BeginVector"/>, writing its minimal length prefix.</summary>
    public void EndVector(int start)
    {
        var contentLength = _length - start;
        var size = VarIntSize(contentLength);
        var headerStart = start - 4;
        if (size != 4)
        {
            _buffer.AsSpan(start, contentLength).CopyTo(_buffer.AsSpan(headerStart + size));
            _length -= 4 - size;
        }
        EncodeVarInt(_buffer.AsSpan(headerStart, size), contentLength, size);
    }

    /// <summary>Writes a vector whose elements are written by <paramref name="element"/>.</summary>
    public void WriteVector<T>(IEnumerable<T> items, Action<TlsWriter, T> element)
    {
        var start = BeginVector();
        foreach (var item in items) element(this, item);
        EndVector(start);
    }

    /// <summary>Size in bytes of the minimal variable-length encoding of <paramref name="value"/>.</summary>
    public static int VarIntSize(int value) => value switch
    {
        < 0 or > MaxVarInt => throw new MlsException("mls.codec.too_long", "Length does not fit a variable-length integer."),
        < 64 => 1,
        < 16384 => 2,
        _ => 4,
    };

    private static void EncodeVarInt(Span<byte> target, int value, int size)
    {
        switch (size)
        {
            case 1:
                target[0] = (byte)value;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16BigEndian(target, (ushort)(0x4000 | value));
                break;
            default:
                BinaryPrimitives.WriteUInt32BigEndian(target, 0x8000_0000u | (uint)value);
                break;
        }
    }

    private Span<byte> Grow(int count)
    {
        if (_length + count > _buffer.Length)
        {
            var size = Math.Max(_buffer.Length * 2, _length + count);
            var next = _pooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
            _buffer.AsSpan(0, _length).CopyTo(next);
            if (_pooled)
            {
                CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _length));
                ArrayPool<byte>.Shared.Return(_buffer);
            }
            _buffer = next;
        }
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
