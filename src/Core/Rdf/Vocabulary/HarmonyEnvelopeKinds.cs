namespace Harmony.Core.Rdf.Vocabulary;

/// <summary>The envelope kinds of the Harmony vocabulary (values of <c>harmony:kind</c>, instances of <c>harmony:EnvelopeKind</c>); see <see cref="HarmonyVocabulary"/>.</summary>
public static class HarmonyEnvelopeKinds
{
    private static readonly List<VocabularyTerm> Defined = [];

    /// <summary><c>harmony:MessageKind</c>: envelope kind: a new message.</summary>
    public static Iri MessageKind { get; } = Define("MessageKind", "EnvelopeKind", "Envelope kind: a new message.");

    /// <summary><c>harmony:EditKind</c>: envelope kind: replaces the content of its target (last writer wins by lamport, author, id).</summary>
    public static Iri EditKind { get; } = Define("EditKind", "EnvelopeKind", "Envelope kind: replaces the content of its target (last writer wins by lamport, author, id).");

    /// <summary><c>harmony:DeleteKind</c>: envelope kind: tombstones its target for good.</summary>
    public static Iri DeleteKind { get; } = Define("DeleteKind", "EnvelopeKind", "Envelope kind: tombstones its target for good.");

    /// <summary><c>harmony:ReactionAddKind</c>: envelope kind: the author adds a reaction to its target.</summary>
    public static Iri ReactionAddKind { get; } = Define("ReactionAddKind", "EnvelopeKind", "Envelope kind: the author adds a reaction to its target.");

    /// <summary><c>harmony:ReactionRemoveKind</c>: envelope kind: the author removes their reaction from its target.</summary>
    public static Iri ReactionRemoveKind { get; } = Define("ReactionRemoveKind", "EnvelopeKind", "Envelope kind: the author removes their reaction from its target.");

    /// <summary><c>harmony:PinKind</c>: envelope kind: pins its target in the channel.</summary>
    public static Iri PinKind { get; } = Define("PinKind", "EnvelopeKind", "Envelope kind: pins its target in the channel.");

    /// <summary><c>harmony:UnpinKind</c>: envelope kind: unpins its target.</summary>
    public static Iri UnpinKind { get; } = Define("UnpinKind", "EnvelopeKind", "Envelope kind: unpins its target.");

    /// <summary><c>harmony:HandshakeKind</c>: envelope kind: an MLS handshake message (Commit or Proposal) of the channel's group.</summary>
    public static Iri HandshakeKind { get; } = Define("HandshakeKind", "EnvelopeKind", "Envelope kind: an MLS handshake message (Commit or Proposal) of the channel's group.");

    /// <summary>Every term of this group, in definition order.</summary>
    internal static IReadOnlyList<VocabularyTerm> Terms => Defined;

    private static Iri Define(string localName, string range, string description)
    {
        var iri = new Iri(HarmonyVocabulary.Namespace + localName);
        Defined.Add(new VocabularyTerm(iri, localName, VocabularyTermKind.Individual, range, description));
        return iri;
    }
}
