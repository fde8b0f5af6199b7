using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>The required_capabilities group context extension (RFC 9420 §11.1).</summary>
/// <param name="Extensions">Extension types every member must support.</param>
/// <param name="Proposals">Proposal types every member must support.</param>
/// <param name="Credentials">Credential types every member must support.</param>
public sealed record RequiredCapabilities(IReadOnlyList<ushort> Extensions, IReadOnlyList<ushort> Proposals, IReadOnlyList<ushort> Credentials) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteVector(Extensions, (w, v) => w.WriteUInt16(v));
        writer.WriteVector(Proposals, (w, v) => w.WriteUInt16(v));
        writer.WriteVector(Credentials, (w, v) => w.WriteUInt16(v));
    }

    /// <summary>Decodes <c>RequiredCapabilities</c>.</summary>
    public static RequiredCapabilities Decode(ref TlsReader reader)
    {
        static List<ushort> List(ref TlsReader r) => r.ReadVector((ref TlsReader x) => x.ReadUInt16());
        return new RequiredCapabilities(List(ref reader), List(ref reader), List(ref reader));
    }
}
