namespace Harmony.Core.Rdf.Vocabulary;

/// <summary>One term of the Harmony vocabulary with its meaning; <see cref="Range"/> says what its values are.</summary>
public sealed record VocabularyTerm(Iri Iri, string LocalName, VocabularyTermKind Kind, string Range, string Description);
