namespace Harmony.Grains.Tests.Cluster;

/// <summary>A batch write held by <see cref="GatedLogStore"/>: signalled when a batch arrives, written when released.</summary>
public sealed class BatchGate(string channel)
{
    /// <summary>The channel whose next batch is held.</summary>
    public string Channel { get; } = channel;

    /// <summary>Completes with the number of entries once a batch is waiting at the gate.</summary>
    public TaskCompletionSource<int> Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed by the test to let the held batch be written.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the held batch has been committed (or faults with the write's error).</summary>
    public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
