using System.Diagnostics;

namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>Waits for conditions with a timeout (polling; never a fixed sleep standing in for a condition).</summary>
public static class Wait
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>Waits until <paramref name="condition"/> holds, or throws <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what = "the condition holds", Func<string>? diagnostics = null) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what, diagnostics);

    /// <summary>Waits until the asynchronous <paramref name="condition"/> holds, or throws <see cref="TimeoutException"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what = "the condition holds", Func<string>? diagnostics = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                var detail = diagnostics?.Invoke();
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting until {what}." + (detail is null ? "" : Environment.NewLine + detail));
            }
            await Task.Delay(Poll);
        }
    }
}
