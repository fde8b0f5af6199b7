using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>
/// A member credential (RFC 9420 §5.3). Basic credentials carry an identity; X.509 credentials a certificate chain
/// (kept as opaque certificates).
/// </summary>
/// <param name="Type">The credential type.</param>
/// <param name="Identity">Identity for basic credentials; empty otherwise.</param>
/// <param name="Certificates">Certificate chain for X.509 credentials; empty otherwise.</param>
public sealed record Credential(ushort Type, byte[] Identity, IReadOnlyList<byte[]> Certificates) : IMlsEncodable
{
    /// <summary>Creates a basic credential.</summary>
    public static Credential Basic(byte[] identity) => new((ushort)CredentialType.Basic, identity, []);

    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteUInt16(Type);
        switch (Type)
        {
            case (ushort)CredentialType.Basic:
                writer.WriteOpaque(Identity);
                break;
            case (ushort)CredentialType.X509:
                writer.WriteVector(Certificates, (w, c) => w.WriteOpaque(c));
                break;
            default:
                throw new MlsException("mls.credential.unsupported", $"Credential type {Type} is not supported.");
        }
    }

    /// <summary>Decodes a <c>Credential</c>.</summary>
    public static Credential Decode(ref TlsReader reader)
    {
        var type = reader.ReadUInt16();
        return type switch
        {
            (ushort)CredentialType.Basic => new Credential(type, reader.ReadOpaque(), []),
            (ushort)CredentialType.X509 => new Credential(type, [], reader.ReadVector((ref TlsReader r) => r.ReadOpaque())),
            _ => throw new MlsException("mls.credential.unsupported", $"Credential type {type} is not supported."),
        };
    }
}
