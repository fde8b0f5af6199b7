using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>An MLS extension (RFC 9420 §13.4): a type and opaque data.</summary>
/// <param name="Type">The extension type (see <see cref="ExtensionType"/>).</param>
/// <param name="Data">The extension data.</param>
public sealed record Extension(ushort Type, byte[] Data) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteUInt16(Type);
        writer.WriteOpaque(Data);
    }

    /// <summary>Decodes an <c>Extension</c>.</summary>
    public static Extension Decode(ref TlsReader reader) => new(reader.ReadUInt16(), reader.ReadOpaque());

    /// <summary>Decodes an <c>Extension extensions&lt;V&gt;</c> list, rejecting duplicate types.</summary>
    public static List<Extension> DecodeList(ref TlsReader reader)
    {
        var list = reader.ReadVector(Decode);
        var seen = new HashSet<ushort>();
        foreach (var e in list)
            if (!seen.Add(e.Type)) throw new MlsException("mls.extension.duplicate", $"Extension type {e.Type} appears twice.");
        return list;
    }

    /// <summary>Encodes an extension list.</summary>
    public static void EncodeList(TlsWriter writer, IReadOnlyList<Extension> extensions) => writer.WriteVector(extensions, (w, e) => e.Encode(w));
}
