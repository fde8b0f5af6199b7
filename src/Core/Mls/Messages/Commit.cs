using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>Applies proposals and optionally refreshes the committer's path (RFC 9420 §12.4).</summary>
/// <param name="Proposals">Inline proposals and references.</param>
/// <param name="Path">The UpdatePath, if any.</param>
public sealed record Commit(IReadOnlyList<ProposalOrRef> Proposals, UpdatePath? Path) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteVector(Proposals, (w, p) => p.Encode(w));
        writer.WritePresence(Path is not null);
        Path?.Encode(writer);
    }

    /// <summary>Decodes a <c>Commit</c>.</summary>
    public static Commit Decode(ref TlsReader reader)
    {
        var proposals = reader.ReadVector(ProposalOrRef.Decode);
        var path = reader.ReadPresence() ? UpdatePath.Decode(ref reader) : null;
        return new Commit(proposals, path);
    }
}
