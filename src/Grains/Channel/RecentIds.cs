namespace Harmony.Grains.Channel;

/// <summary>A bounded map of recently appended envelope ids to their sequence numbers (oldest evicted first).</summary>
internal sealed class RecentIds(int capacity)
{
    private readonly Dictionary<string, long> _seqById = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool TryGet(string id, out long seq) => _seqById.TryGetValue(id, out seq);

    public void Add(string id, long seq)
    {
        if (capacity <= 0 || !_seqById.TryAdd(id, seq)) return;
        _order.Enqueue(id);
        while (_order.Count > capacity) _seqById.Remove(_order.Dequeue());
    }
}
