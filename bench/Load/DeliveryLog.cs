using System.Diagnostics;

namespace Harmony.Bench.Load;

/// <summary>What one subscriber received during a run: each delivery's send offset and arrival time (Stopwatch ticks).</summary>
internal sealed class DeliveryLog
{
    private readonly Lock _lock = new();
    private readonly List<(long Offset, long At)> _deliveries = new(4096);

    public int Count
    {
        get { lock (_lock) return _deliveries.Count; }
    }

    public void Add(byte[] envelope)
    {
        var at = Stopwatch.GetTimestamp();
        var offset = Payload.ReadOffset(envelope);
        lock (_lock) _deliveries.Add((offset, at));
    }

    public (long Offset, long At)[] Snapshot()
    {
        lock (_lock) return [.. _deliveries];
    }
}
