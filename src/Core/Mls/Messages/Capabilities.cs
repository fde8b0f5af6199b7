using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>What a client supports (RFC 9420 §7.2).</summary>
/// <param name="Versions">Protocol versions.</param>
/// <param name="CipherSuites">Cipher suites.</param>
/// <param name="Extensions">Non-default extension types.</param>
/// <param name="Proposals">Non-default proposal types.</param>
/// <param name="Credentials">Credential types.</param>
public sealed record Capabilities(IReadOnlyList<ushort> Versions, IReadOnlyList<ushort> CipherSuites, IReadOnlyList<ushort> Extensions, IReadOnlyList<ushort> Proposals, IReadOnlyList<ushort> Credentials) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        foreach (var list in new[] { Versions, CipherSuites, Extensions, Proposals, Credentials })
            writer.WriteVector(list, (w, v) => w.WriteUInt16(v));
    }

    /// <summary>Decodes <c>Capabilities</c>.</summary>
    public static Capabilities Decode(ref TlsReader reader)
    {
        static List<ushort> List(ref TlsReader r) => r.ReadVector((ref TlsReader x) => x.ReadUInt16());
        return new Capabilities(List(ref reader), List(ref reader), List(ref reader), List(ref reader), List(ref reader));
    }
}
