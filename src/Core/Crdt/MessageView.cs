namespace Harmony.Core.Crdt;

/// <summary>
/// A message as the materialized view shows it. <see cref="Content"/> is the winning edit's content or the original;
/// a deleted message keeps its place in the order but has no content and no reactions.
/// </summary>
public sealed record MessageView<T>(string Id, string Author, long Lamport, T? Content, string? EditId, bool Deleted, IReadOnlyList<ReactionView> Reactions)
{
    /// <summary>True when an edit replaced the original content.</summary>
    public bool Edited => EditId is not null;

    /// <summary>Value equality, reaction lists included.</summary>
    public bool Equals(MessageView<T>? other) =>
        other is not null && Id == other.Id && Author == other.Author && Lamport == other.Lamport
        && EqualityComparer<T?>.Default.Equals(Content, other.Content) && EditId == other.EditId && Deleted == other.Deleted
        && Reactions.SequenceEqual(other.Reactions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, EditId, Deleted, Reactions.Count);
}
