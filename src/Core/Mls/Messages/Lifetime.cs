using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>Validity window of a KeyPackage leaf, in seconds since the Unix epoch (RFC 9420 §7.2).</summary>
/// <param name="NotBefore">Start of validity.</param>
/// <param name="NotAfter">End of validity.</param>
public sealed record Lifetime(ulong NotBefore, ulong NotAfter) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteUInt64(NotBefore);
        writer.WriteUInt64(NotAfter);
    }

    /// <summary>Decodes a <c>Lifetime</c>.</summary>
    public static Lifetime Decode(ref TlsReader reader) => new(reader.ReadUInt64(), reader.ReadUInt64());
}
