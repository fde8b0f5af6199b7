using Harmony.Core.Protocol;
using Harmony.Core.Rdf;
using Harmony.Core.Rdf.Vocabulary;

namespace Harmony.Grains.Export;

/// <summary>
/// Maps <see cref="EnvelopeKind"/> to the vocabulary's kind individuals (<see cref="HarmonyEnvelopeKinds"/>).
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
        [EnvelopeKind.Pin] = HarmonyEnvelopeKinds.PinKind,
        [EnvelopeKind.Unpin] = HarmonyEnvelopeKinds.UnpinKind,
        [EnvelopeKind.Handshake] = HarmonyEnvelopeKinds.HandshakeKind,
    };

    private static readonly Dictionary<Iri, EnvelopeKind> ByIri = ByKind.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>The IRI of <paramref name="kind"/>.</summary>
    public static Iri Of(EnvelopeKind kind) => ByKind[kind];

    /// <summary>The kind named by <paramref name="iri"/>, if any.</summary>
    public static bool TryParse(Iri iri, out EnvelopeKind kind) => ByIri.TryGetValue(iri, out kind);
}
