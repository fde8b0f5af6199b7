namespace Harmony.Gateway.Hosting;

/// <summary>A token bucket: up to <see cref="Capacity"/> calls in a burst, refilled at <see cref="TokensPerSecond"/>.</summary>
public sealed class TokenBucketOptions
{
    /// <summary>The burst size.</summary>
    public int Capacity { get; set; } = 60;

    /// <summary>The sustained rate.</summary>
    public double TokensPerSecond { get; set; } = 20;

    /// <summary>Throws <see cref="ArgumentException"/> when a value is out of range.</summary>
    public void Validate()
    {
        if (Capacity < 1) throw new ArgumentException("A token bucket needs a capacity of at least 1.");
        if (!(TokensPerSecond > 0) || double.IsInfinity(TokensPerSecond)) throw new ArgumentException("TokensPerSecond must be a positive number.");
    }
}
