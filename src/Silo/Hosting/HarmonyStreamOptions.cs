namespace Harmony.Silo.Hosting;

/// <summary>The memory stream provider that carries channel events (configuration section <c>Harmony:Streams</c>).</summary>
public sealed class HarmonyStreamOptions
{
    /// <summary>
    /// How often the pulling agents poll the stream queues, in milliseconds. Orleans defaults to 100 ms; 10 ms cut
    /// the measured end-to-end delivery p50 from ~64 ms to ~9 ms.
    /// </summary>
    public int PullPeriodMilliseconds { get; set; } = 10;
}
