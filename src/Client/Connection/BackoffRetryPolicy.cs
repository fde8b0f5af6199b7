using Microsoft.AspNetCore.SignalR.Client;

namespace Harmony.Client.Connection;

/// <summary>
/// Reconnects forever with exponential backoff and jitter: attempt n waits a random time between half and all of
/// min(max, initial * 2^n), so many clients do not reconnect in lockstep after a server restart.
/// </summary>
public sealed class BackoffRetryPolicy(TimeSpan initial, TimeSpan max) : IRetryPolicy
{
    /// <summary>The delay before attempt <paramref name="attempt"/> (0-based), for a jitter sample in [0, 1).</summary>
    public TimeSpan Delay(long attempt, double jitter)
    {
        var exponent = Math.Min(attempt, 30);
        var ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + 0.5 * Math.Clamp(jitter, 0, 1)));
    }

    /// <inheritdoc />
    public TimeSpan? NextRetryDelay(RetryContext retryContext) => Delay(retryContext.PreviousRetryCount, Random.Shared.NextDouble());
}
