namespace Harmony.Core.Rdf.Vocabulary;

/// <summary>What a vocabulary term names.</summary>
public enum VocabularyTermKind
{
    /// <summary>A class: the object of <c>rdf:type</c>.</summary>
    Class,

    /// <summary>A property: a predicate.</summary>
    Property,

    /// <summary>A named individual (an enumeration value such as an envelope kind).</summary>
    Individual,
}
