using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>The secrets a new member needs to join (RFC 9420 §12.4.3.1). Never shown by <see cref="ToString"/>.</summary>
/// <param name="JoinerSecret">The joiner secret.</param>
/// <param name="PathSecret">Path secret at the common ancestor with the committer, if any.</param>
/// <param name="Psks">PSKs used in the epoch.</param>
public sealed record GroupSecrets(byte[] JoinerSecret, byte[]? PathSecret, IReadOnlyList<PreSharedKeyId> Psks) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteOpaque(JoinerSecret);
        writer.WritePresence(PathSecret is not null);
        if (PathSecret is not null) writer.WriteOpaque(PathSecret);
        writer.WriteVector(Psks, (w, p) => p.Encode(w));
    }

    /// <summary>Decodes <c>GroupSecrets</c>.</summary>
    public static GroupSecrets Decode(ref TlsReader reader)
    {
        var joiner = reader.ReadOpaque();
        var path = reader.ReadPresence() ? reader.ReadOpaque() : null;
        return new GroupSecrets(joiner, path, reader.ReadVector(PreSharedKeyId.Decode));
    }

    /// <inheritdoc />
    public override string ToString() => "GroupSecrets(redacted)";
}
