using Harmony.Gateway.Hosting;

namespace Harmony.Gateway.RateLimiting;

/// <summary>A thread-safe token bucket driven by a <see cref="TimeProvider"/>.</summary>
public sealed class TokenBucket(TokenBucketOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _tokens = options.Capacity;
    private long _updatedAt = time.GetTimestamp();

    /// <summary>Whether the bucket is full (an idle bucket that can be forgotten).</summary>
    public bool IsFull
    {
        get { lock (_gate) { Refill(); return _tokens >= options.Capacity; } }
    }

    /// <summary>Takes one token; when empty, returns false and how long until one is available.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            Refill();
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }
            retryAfter = TimeSpan.FromSeconds((1 - _tokens) / options.TokensPerSecond);
            return false;
        }
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        var elapsed = time.GetElapsedTime(_updatedAt, now).TotalSeconds;
        _updatedAt = now;
        _tokens = Math.Min(options.Capacity, _tokens + elapsed * options.TokensPerSecond);
    }
}
