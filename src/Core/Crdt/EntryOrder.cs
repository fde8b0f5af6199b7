namespace Harmony.Core.Crdt;

/// <summary>
/// The position of a log entry in the total display order: by Lamport time, then author DID, then entry id, the
/// strings compared ordinally (<see cref="string.CompareOrdinal(string, string)"/>) so every replica and every
/// language sorts identically. Ids are unique, so two different entries never share a position.
/// </summary>
public readonly record struct EntryOrder(long Lamport, string Author, string Id) : IComparable<EntryOrder>
{
    /// <summary>A comparer for sorted collections.</summary>
    public static IComparer<EntryOrder> Comparer { get; } = Comparer<EntryOrder>.Default;

    /// <inheritdoc />
    public int CompareTo(EntryOrder other)
    {
        var byTime = Lamport.CompareTo(other.Lamport);
        if (byTime != 0) return byTime;
        var byAuthor = string.CompareOrdinal(Author, other.Author);
        return byAuthor != 0 ? byAuthor : string.CompareOrdinal(Id, other.Id);
    }

    /// <summary>True when <paramref name="left"/> comes first.</summary>
    public static bool operator <(EntryOrder left, EntryOrder right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> comes last.</summary>
    public static bool operator >(EntryOrder left, EntryOrder right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> does not come last.</summary>
    public static bool operator <=(EntryOrder left, EntryOrder right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> does not come first.</summary>
    public static bool operator >=(EntryOrder left, EntryOrder right) => left.CompareTo(right) >= 0;
}
