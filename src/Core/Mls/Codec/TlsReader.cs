using System.Buffers.Binary;

namespace Harmony.Core.Mls.Codec;

/// <summary>
/// Decoder for the TLS presentation language as profiled by RFC 9420 §2.1: big-endian integers, vectors with a
/// QUIC-style variable-length size prefix (minimal encoding required), and <c>optional&lt;T&gt;</c>. Every failure
/// raises an <see cref="MlsException"/> with a <c>mls.codec.*</c> code.
/// </summary>
public ref struct TlsReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>Creates a reader over <paramref name="data"/> with the given limits (defaults when null).</summary>
    public TlsReader(ReadOnlySpan<byte> data, MlsLimits? limits = null)
    {
        _data = data;
        _position = 0;
        Limits = limits ?? MlsLimits.Default;
    }

    /// <summary>The limits in force.</summary>
    public MlsLimits Limits { get; }

    /// <summary>Number of bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Number of bytes left.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Whether all input has been consumed.</summary>
    public readonly bool IsEmpty => _position == _data.Length;

    /// <summary>The bytes between <paramref name="start"/> and the current position (for hashing what was just read).</summary>
    public readonly ReadOnlySpan<byte> Consumed(int start) => _data[start.._position];

    /// <summary>Reads one byte.</summary>
    public byte ReadUInt8() => Take(1)[0];

    /// <summary>Reads a big-endian uint16.</summary>
    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    /// <summary>Reads a big-endian uint32.</summary>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    /// <summary>Reads a big-endian uint64.</summary>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64BigEndian(Take(8));

    /// <summary>Reads a variable-length integer (RFC 9420 §2.1.2), rejecting the reserved 8-byte form and non-minimal encodings.</summary>
    public uint ReadVarInt()
    {
        var first = ReadUInt8();
        var prefix = first >> 6;
        uint value = (uint)(first & 0x3F);
        switch (prefix)
        {
            case 0:
                return value;
            case 1:
                value = (value << 8) | ReadUInt8();
                if (value < 64) throw new MlsException("mls.codec.varint", "Variable-length integer is not minimally encoded.");
                return value;
            case 2:
                var rest = Take(3);
                value = (value << 24) | ((uint)rest[0] << 16) | ((uint)rest[1] << 8) | rest[2];
                if (value < 16384) throw new MlsException("mls.codec.varint", "Variable-length integer is not minimally encoded.");
                return value;
            default:
                throw new MlsException("mls.codec.varint", "Variable-length integer uses the reserved 8-byte form.");
        }
    }

    /// <summary>Reads an <c>opaque&lt;V&gt;</c> and returns a view of its content.</summary>
    public ReadOnlySpan<byte> ReadVectorSpan()
    {
        var length = ReadVarInt();
        if (length > (uint)Limits.MaxVectorLength)
            throw new MlsException("mls.codec.too_long", $"Vector of {length} bytes exceeds the limit of {Limits.MaxVectorLength}.");
        return Take((int)length);
    }

    /// <summary>Reads an <c>opaque&lt;V&gt;</c> into a new array.</summary>
    public byte[] ReadOpaque() => ReadVectorSpan().ToArray();

    /// <summary>Reads an <c>opaque&lt;V&gt;</c> and returns a reader over its content.</summary>
    public TlsReader ReadVectorReader() => new(ReadVectorSpan(), Limits);

    /// <summary>Reads a vector whose elements are decoded by <paramref name="element"/>.</summary>
    public List<T> ReadVector<T>(TlsElementReader<T> element)
    {
        var inner = ReadVectorReader();
        var items = new List<T>();
        while (!inner.IsEmpty) items.Add(element(ref inner));
        return items;
    }

    /// <summary>Reads the presence byte of an <c>optional&lt;T&gt;</c>.</summary>
    public bool ReadPresence()
    {
        var flag = ReadUInt8();
        return flag switch
        {
            0 => false,
            1 => true,
            _ => throw new MlsException("mls.codec.optional", "Optional presence flag must be 0 or 1."),
        };
    }

    /// <summary>Reads exactly <paramref name="count"/> raw bytes.</summary>
    public ReadOnlySpan<byte> ReadFixed(int count) => Take(count);

    /// <summary>Throws unless all input has been consumed.</summary>
    public readonly void EnsureEnd()
    {
        if (!IsEmpty) throw new MlsException("mls.codec.trailing", $"{Remaining} unexpected trailing bytes.");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
            throw new MlsException("mls.codec.truncated", "Input ends before the structure is complete.");
        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
