using Harmony.Core.Protocol;
using Harmony.Core.Rdf;
using Harmony.Core.Rdf.Vocabulary;

namespace Harmony.Grains.Export;

/// <summary>
/// An envelope as quads: every signed field (so the envelope can be rebuilt byte for byte and its signature checked),
/// the ciphertext and signature as <c>xsd:base64Binary</c> literals, and the server's sequence number. Content is only
/// ever the MLS ciphertext; there is no plaintext to export.
/// </summary>
public static class EnvelopeQuads
{
    /// <summary>The quads of <paramref name="envelope"/> (sequence <paramref name="seq"/>) in <paramref name="communityId"/>'s graph.</summary>
    public static IEnumerable<Quad> Of(string communityId, Envelope envelope, long seq)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var graph = ExportIris.Community(communityId);
        var subject = ExportIris.Envelope(envelope.Id);
        yield return new Quad(subject, RdfVocabulary.Type, HarmonyClasses.Envelope, graph);
        yield return new Quad(subject, HarmonyProperties.Channel, ExportIris.Channel(communityId, envelope.Channel), graph);
        yield return new Quad(subject, HarmonyProperties.Author, new Iri(envelope.Author), graph);
        yield return new Quad(subject, HarmonyProperties.Lamport, Literal.Integer((long)envelope.Lamport), graph);
        yield return new Quad(subject, HarmonyProperties.Sequence, Literal.Integer(seq), graph);
        yield return new Quad(subject, HarmonyProperties.Kind, EnvelopeKindIris.Of(envelope.Kind), graph);
        yield return new Quad(subject, HarmonyProperties.CreatedAt, Literal.DateTime(DateTimeOffset.FromUnixTimeMilliseconds(envelope.CreatedAtMs)), graph);
        if (envelope.Thread is { } thread)
            yield return new Quad(subject, HarmonyProperties.Thread, ExportIris.Envelope(thread), graph);
        if (envelope.ReplyTo is { } replyTo)
            yield return new Quad(subject, HarmonyProperties.ReplyTo, ExportIris.Envelope(replyTo), graph);
        if (envelope.Target is { } target)
            yield return new Quad(subject, HarmonyProperties.Target, ExportIris.Envelope(target), graph);
        yield return new Quad(subject, HarmonyProperties.Ciphertext, Literal.Base64(envelope.Ciphertext), graph);
        yield return new Quad(subject, HarmonyProperties.Signature, Literal.Base64(envelope.Signature), graph);
    }
}
