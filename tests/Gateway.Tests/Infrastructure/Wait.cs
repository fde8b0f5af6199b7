namespace Harmony.Gateway.Tests.Infrastructure;

/// <summary>Waits for conditions with a timeout (no fixed sleeps).</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        using var cts = new CancellationTokenSource(timeoutMs);
        while (!condition())
        {
            if (cts.IsCancellationRequested) throw new TimeoutException("Timed out waiting until " + what);
            await Task.Yield();
            await Task.Delay(5, CancellationToken.None);
        }
    }

    public static async Task<T> ReadAsync<T>(System.Threading.Channels.Channel<T> channel, int timeoutMs = 10_000)
    {
        using var cts = new CancellationTokenSource(timeoutMs);
        return await channel.Reader.ReadAsync(cts.Token);
    }
}
