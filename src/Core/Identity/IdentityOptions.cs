namespace Harmony.Core.Identity;

/// <summary>Which mnemonic lengths Harmony creates and accepts.</summary>
/// <param name="NewWordCount">Words in a newly created recovery phrase (24 = 256 bits of entropy).</param>
/// <param name="AcceptedWordCounts">Lengths accepted when restoring; 12 (128 bits) is accepted for existing phrases.</param>
public sealed record IdentityOptions(int NewWordCount, IReadOnlyList<int> AcceptedWordCounts)
{
    /// <summary>24 words for new identities; 12 or 24 accepted.</summary>
    public static IdentityOptions Default { get; } = new(24, [12, 24]);
}
