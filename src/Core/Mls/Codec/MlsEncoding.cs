namespace Harmony.Core.Mls.Codec;

/// <summary>Helpers shared by the MLS structures.</summary>
public static class MlsEncoding
{
    /// <summary>Encodes <paramref name="value"/> into a new array.</summary>
    public static byte[] ToBytes(this IMlsEncodable value)
    {
        var writer = new TlsWriter();
        value.Encode(writer);
        return writer.ToArray();
    }

    /// <summary>Decodes a whole buffer with <paramref name="decode"/>, rejecting trailing bytes.</summary>
    public static T Decode<T>(ReadOnlySpan<byte> data, TlsElementReader<T> decode, MlsLimits? limits = null)
    {
        var reader = new TlsReader(data, limits);
        var value = decode(ref reader);
        reader.EnsureEnd();
        return value;
    }
}
