using Harmony.Core.Protocol;
using Harmony.Core.Rdf;
using Harmony.Core.Rdf.Vocabulary;

namespace Harmony.Grains.Export;

/// <summary>
/// Maps <see cref="EnvelopeKind"/> to the vocabulary's kind individuals. Pin, Unpin and Handshake are not in
/// <see cref="HarmonyEnvelopeKinds"/> yet; they use the same naming pattern in the Harmony namespace
/// (<c>harmony:PinKind</c>, <c>harmony:UnpinKind</c>, <c>harmony:HandshakeKind</c>) until the vocabulary defines them.
/// </summary>
public static class EnvelopeKindIris
{
    private static readonly Dictionary<EnvelopeKind, Iri> ByKind = new()
    {
        [EnvelopeKind.Message] = HarmonyEnvelopeKinds.MessageKind,
        [EnvelopeKind.Edit] = HarmonyEnvelopeKinds.EditKind,
        [EnvelopeKind.Delete] = HarmonyEnvelopeKinds.DeleteKind,
        [EnvelopeKind.ReactionAdd] = HarmonyEnvelopeKinds.ReactionAddKind,
        [EnvelopeKind.ReactionRemove] = HarmonyEnvelopeKinds.ReactionRemoveKind,
        [EnvelopeKind.Pin] = new(HarmonyVocabulary.Namespace + "PinKind"),
        [EnvelopeKind.Unpin] = new(HarmonyVocabulary.Namespace + "UnpinKind"),
        [EnvelopeKind.Handshake] = new(HarmonyVocabulary.Namespace + "HandshakeKind"),
    };

    private static readonly Dictionary<Iri, EnvelopeKind> ByIri = ByKind.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>The IRI of <paramref name="kind"/>.</summary>
    public static Iri Of(EnvelopeKind kind) => ByKind[kind];

    /// <summary>The kind named by <paramref name="iri"/>, if any.</summary>
    public static bool TryParse(Iri iri, out EnvelopeKind kind) => ByIri.TryGetValue(iri, out kind);
}
