using Harmony.Grains.Abstractions.Channel;

namespace Harmony.Grains.Tests.Support;

/// <summary>A channel watcher that records the batches it receives.</summary>
public sealed class RecordingObserver : IChannelObserver
{
    private readonly List<ChannelEventBatch> _batches = [];
    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>A copy of what arrived so far.</summary>
    public IReadOnlyList<ChannelEventBatch> Batches
    {
        get { lock (_batches) return [.. _batches]; }
    }

    /// <inheritdoc />
    public Task OnEventsAsync(ChannelEventBatch batch)
    {
        lock (_batches) _batches.Add(batch);
        _signal.Release();
        return Task.CompletedTask;
    }

    /// <summary>Waits until a batch matching <paramref name="condition"/> arrived.</summary>
    public Task WaitForAsync(Func<ChannelEventBatch, bool> condition, TimeSpan timeout) =>
        WaitUntilAsync(batches => batches.Any(condition), timeout);

    /// <summary>Waits until everything received so far satisfies <paramref name="condition"/>.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<ChannelEventBatch>, bool> condition, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (!condition(Batches)) await _signal.WaitAsync(cancel.Token);
    }
}
