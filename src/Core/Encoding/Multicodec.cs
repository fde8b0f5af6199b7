namespace Harmony.Core.Encoding;

/// <summary>The multicodec key codes Harmony reads and writes, with their unsigned-varint prefixes.</summary>
public static class Multicodec
{
    /// <summary>ed25519-pub (0xed).</summary>
    public const int Ed25519Public = 0xed;

    /// <summary>x25519-pub (0xec).</summary>
    public const int X25519Public = 0xec;

    /// <summary>Prefixes <paramref name="key"/> with the unsigned varint of <paramref name="code"/>.</summary>
    public static byte[] Prefix(int code, ReadOnlySpan<byte> key)
    {
        Span<byte> varint = stackalloc byte[5];
        var n = 0;
        var v = (uint)code;
        do
        {
            var b = (byte)(v & 0x7f);
            v >>= 7;
            varint[n++] = v != 0 ? (byte)(b | 0x80) : b;
        } while (v != 0);
        var result = new byte[n + key.Length];
        varint[..n].CopyTo(result);
        key.CopyTo(result.AsSpan(n));
        return result;
    }

    /// <summary>Reads the varint code and returns it with the remaining bytes; rejects non-minimal or overlong varints.</summary>
    public static (int Code, byte[] Key) Split(ReadOnlySpan<byte> data)
    {
        uint value = 0;
        for (var i = 0; i < 4 && i < data.Length; i++)
        {
            var b = data[i];
            value |= (uint)(b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (i > 0 && b == 0) throw new EncodingException("encoding.multicodec", "Non-minimal multicodec varint.");
                return ((int)value, data[(i + 1)..].ToArray());
            }
        }
        throw new EncodingException("encoding.multicodec", "Truncated or overlong multicodec varint.");
    }
}
