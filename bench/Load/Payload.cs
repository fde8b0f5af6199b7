using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Harmony.Bench.Load;

/// <summary>
/// The opaque ciphertext of a load envelope: a marker, then the intended send time as Stopwatch ticks after the run's
/// start (open loop: the schedule, not the moment the sender got to it, so a stalled sender counts as latency), then
/// random padding. Receivers find the marker in the encoded envelope without decoding it.
/// </summary>
internal static class Payload
{
    private static readonly byte[] Marker = "HMYLOAD1"u8.ToArray();

    public static byte[] Create(long offsetTicks, int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        Marker.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(Marker.Length), offsetTicks);
        return bytes;
    }

    /// <summary>The send offset carried by an encoded envelope, or -1 when it carries none.</summary>
    public static long ReadOffset(ReadOnlySpan<byte> envelope)
    {
        var at = envelope.IndexOf(Marker);
        return at < 0 || at + Marker.Length + 8 > envelope.Length ? -1 : BinaryPrimitives.ReadInt64LittleEndian(envelope[(at + Marker.Length)..]);
    }
}
