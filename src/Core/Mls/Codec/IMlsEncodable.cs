namespace Harmony.Core.Mls.Codec;

/// <summary>A structure with a TLS presentation-language encoding.</summary>
public interface IMlsEncodable
{
    /// <summary>Appends the encoding to <paramref name="writer"/>.</summary>
    void Encode(TlsWriter writer);
}
