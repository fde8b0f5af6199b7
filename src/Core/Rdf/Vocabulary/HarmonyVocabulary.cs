namespace Harmony.Core.Rdf.Vocabulary;

/// <summary>
/// The Harmony RDF vocabulary, namespace <c>https://harmony.chat/ns#</c>. Its terms are defined in one place, split by
/// kind: <see cref="HarmonyClasses"/>, <see cref="HarmonyProperties"/> and <see cref="HarmonyEnvelopeKinds"/>
/// (docs/vocabulary.md lists every term of <see cref="Terms"/>). The namespace and existing terms are stable: exports
/// and federation peers depend on them, so terms may be added but never renamed or given another meaning. DIDs are
/// used directly as IRIs (for example as the object of <see cref="HarmonyProperties.Author"/>).
/// </summary>
public static class HarmonyVocabulary
{
    /// <summary>The namespace IRI.</summary>
    public const string Namespace = "https://harmony.chat/ns#";

    /// <summary>The conventional prefix for <see cref="Namespace"/>.</summary>
    public const string Prefix = "harmony";

    /// <summary>Every term: classes, then envelope kinds, then properties, each in definition order.</summary>
    public static IReadOnlyList<VocabularyTerm> Terms { get; } =
        [.. HarmonyClasses.Terms, .. HarmonyEnvelopeKinds.Terms, .. HarmonyProperties.Terms];

    /// <summary>The term with this IRI, or null when the IRI is not in the vocabulary.</summary>
    public static VocabularyTerm? Find(Iri iri) => Terms.FirstOrDefault(t => t.Iri == iri);
}
