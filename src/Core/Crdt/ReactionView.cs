namespace Harmony.Core.Crdt;

/// <summary>One reaction on a message and who currently has it, reactors sorted ordinally.</summary>
public sealed record ReactionView(string Reaction, IReadOnlyList<string> Reactors)
{
    /// <summary>Value equality, reactor lists included.</summary>
    public bool Equals(ReactionView? other) =>
        other is not null && Reaction == other.Reaction && Reactors.SequenceEqual(other.Reactors);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Reaction, Reactors.Count);
}
