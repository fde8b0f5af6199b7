namespace Harmony.Bench.Load;

/// <summary>The figures of one measured run.</summary>
internal sealed record RunResult
{
    public double Offered { get; init; }

    public double DeliveredPerSecond { get; init; }

    public double AckedPerSecond { get; init; }

    /// <summary>End-to-end latency (intended send → delivery) for open-loop runs; send → ack for closed-loop runs.</summary>
    public double P50Ms { get; init; }

    public double P95Ms { get; init; }

    public double P99Ms { get; init; }

    /// <summary>Server CPU during the measured window, in cores (CPU seconds per second).</summary>
    public double ServerCores { get; init; }

    /// <summary>Load generator CPU during the measured window, in cores.</summary>
    public double ClientCores { get; init; }

    public long Errors { get; init; }

    /// <summary>Deliveries of messages sent in the window that never arrived (within the drain time).</summary>
    public long Lost { get; init; }

    public string? FirstError { get; init; }

    public override string ToString() =>
        $"{(double.IsNaN(Offered) ? "closed loop" : $"offered {Offered:N0}/s  delivered {DeliveredPerSecond:N0}/s")}  acked {AckedPerSecond:N0}/s  p50 {P50Ms:0.00} ms  p95 {P95Ms:0.00} ms  p99 {P99Ms:0.00} ms  " +
        $"server {ServerCores:0.00} cores ({ServerCores * 100 / Environment.ProcessorCount:0} % of the machine)  client {ClientCores:0.00} cores  errors {Errors}  lost {Lost}{(FirstError is null ? "" : "  first error: " + FirstError)}";
}
