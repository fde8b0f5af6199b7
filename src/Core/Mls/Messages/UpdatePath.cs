using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>The committer's new leaf and the refreshed keys of its filtered direct path (RFC 9420 §7.6).</summary>
/// <param name="LeafNode">The committer's new leaf (source commit).</param>
/// <param name="Nodes">One entry per node of the filtered direct path.</param>
public sealed record UpdatePath(LeafNode LeafNode, IReadOnlyList<UpdatePathNode> Nodes) : IMlsEncodable
{
    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        LeafNode.Encode(writer);
        writer.WriteVector(Nodes, (w, n) => n.Encode(w));
    }

    /// <summary>Decodes an <c>UpdatePath</c>.</summary>
    public static UpdatePath Decode(ref TlsReader reader) => new(LeafNode.Decode(ref reader), reader.ReadVector(UpdatePathNode.Decode));
}
