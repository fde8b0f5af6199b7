using System.Globalization;
using Harmony.Core.Protocol;
using Harmony.Core.Rdf;
using Harmony.Core.Rdf.Vocabulary;

namespace Harmony.Grains.Export;

/// <summary>
/// Rebuilds envelopes from an export's quads (as <see cref="EnvelopeQuads"/> writes them, one envelope's quads
/// contiguous), verifying that each rebuilt envelope's id matches its IRI and that its author's signature verifies.
/// Quads about other things are skipped. Lazy: memory stays bounded by one envelope.
/// </summary>
public static class EnvelopeQuadReader
{
    /// <summary>The envelopes of <paramref name="communityId"/> in <paramref name="quads"/>, in export order.</summary>
    public static IEnumerable<ExportedEnvelope> Read(IEnumerable<Quad> quads, string communityId)
    {
        ArgumentNullException.ThrowIfNull(quads);
        Iri? subject = null;
        var fields = new Dictionary<Iri, RdfTerm>();
        foreach (var quad in quads)
        {
            if (quad.Subject is not Iri iri || !iri.Value.StartsWith(ExportIris.EnvelopePrefix, StringComparison.Ordinal)) continue;
            if (subject is not null && iri != subject)
            {
                yield return Build(subject, fields, communityId);
                fields.Clear();
            }
            subject = iri;
            if (!fields.TryAdd(quad.Predicate, quad.Object)) throw new ExportFormatException($"{iri} has two values for {quad.Predicate}.");
        }
        if (subject is not null) yield return Build(subject, fields, communityId);
    }

    private static ExportedEnvelope Build(Iri subject, Dictionary<Iri, RdfTerm> fields, string communityId)
    {
        var channel = ExportIris.ChannelIdOf(communityId, Required<Iri>(fields, HarmonyProperties.Channel, subject))
            ?? throw new ExportFormatException($"{subject} belongs to another community.");
        if (!EnvelopeKindIris.TryParse(Required<Iri>(fields, HarmonyProperties.Kind, subject), out var kind))
            throw new ExportFormatException($"{subject} has an unknown kind.");
        var envelope = new Envelope
        {
            Channel = channel,
            Author = Required<Iri>(fields, HarmonyProperties.Author, subject).Value,
            Lamport = ulong.Parse(Required<Literal>(fields, HarmonyProperties.Lamport, subject).LexicalForm, CultureInfo.InvariantCulture),
            Kind = kind,
            CreatedAtMs = DateTimeOffset.Parse(Required<Literal>(fields, HarmonyProperties.CreatedAt, subject).LexicalForm, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(),
            Thread = EnvelopeIdOf(fields, HarmonyProperties.Thread),
            ReplyTo = EnvelopeIdOf(fields, HarmonyProperties.ReplyTo),
            Target = EnvelopeIdOf(fields, HarmonyProperties.Target),
            Ciphertext = Base64(fields, HarmonyProperties.Ciphertext, subject),
            Signature = Base64(fields, HarmonyProperties.Signature, subject),
        };
        byte[] bytes;
        try
        {
            bytes = EnvelopeCodec.Encode(envelope);
            envelope = EnvelopeCodec.Decode(bytes);
        }
        catch (ProtocolException e)
        {
            throw new ExportFormatException($"{subject} does not rebuild into a valid envelope: {e.Message}");
        }
        if (ExportIris.Envelope(envelope.Id) != subject) throw new ExportFormatException($"{subject} does not match the id of its rebuilt bytes.");
        if (!EnvelopeCodec.Verify(envelope)) throw new ExportFormatException($"{subject}: the author's signature does not verify.");
        var seq = long.Parse(Required<Literal>(fields, HarmonyProperties.Sequence, subject).LexicalForm, CultureInfo.InvariantCulture);
        return new ExportedEnvelope(channel, seq, bytes);
    }

    private static T Required<T>(Dictionary<Iri, RdfTerm> fields, Iri predicate, Iri subject) where T : RdfTerm =>
        fields.TryGetValue(predicate, out var term) && term is T typed ? typed : throw new ExportFormatException($"{subject} lacks {predicate}.");

    private static string? EnvelopeIdOf(Dictionary<Iri, RdfTerm> fields, Iri predicate) =>
        fields.TryGetValue(predicate, out var term) && term is Iri iri && iri.Value.StartsWith(ExportIris.EnvelopePrefix, StringComparison.Ordinal)
            ? iri.Value[ExportIris.EnvelopePrefix.Length..]
            : null;

    private static byte[] Base64(Dictionary<Iri, RdfTerm> fields, Iri predicate, Iri subject)
    {
        var literal = Required<Literal>(fields, predicate, subject);
        if (literal.Datatype != XsdVocabulary.Base64Binary) throw new ExportFormatException($"{subject}: {predicate} must be xsd:base64Binary.");
        try { return Convert.FromBase64String(literal.LexicalForm); }
        catch (FormatException) { throw new ExportFormatException($"{subject}: {predicate} is not base64."); }
    }
}
