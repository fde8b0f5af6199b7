namespace Harmony.Client.Tests.Infrastructure;

/// <summary>Waits on conditions with a timeout (no fixed sleeps).</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int timeoutMs = 60_000)
    {
        using var cts = new CancellationTokenSource(timeoutMs);
        while (!await condition())
        {
            if (cts.IsCancellationRequested) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(200, CancellationToken.None);
        }
    }
}
