using System.Collections.Concurrent;
using Harmony.Core.Protocol;

namespace Harmony.Client.Chat;

public sealed partial class HarmonyChatClient
{
    /// <summary>How many times a call refused with <c>RateLimited</c> is retried after the server's hint.</summary>
    private const int RateLimitRetries = 8;

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, bool> _watching = new(StringComparer.Ordinal);

    /// <summary>A hub call; <c>RateLimited</c> refusals wait for the server's <c>retryAfterMs</c> and retry.</summary>
    private async Task<T> CallAsync<T>(string method, object?[] args, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return await Connection.InvokeAsync<T>(method, args, ct); }
            catch (HarmonyServerException e) when (e.Code == ErrorCodes.RateLimited && attempt < RateLimitRetries)
            {
                await Task.Delay(RetryDelay(e), ct);
            }
        }
    }

    /// <summary>A hub call without a result, retried like <see cref="CallAsync{T}"/>.</summary>
    private async Task CallAsync(string method, object?[] args, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await Connection.InvokeAsync(method, args, ct);
                return;
            }
            catch (HarmonyServerException e) when (e.Code == ErrorCodes.RateLimited && attempt < RateLimitRetries)
            {
                await Task.Delay(RetryDelay(e), ct);
            }
        }
    }

    /// <summary>
    /// Watches a channel (the connection keeps the watch across reconnects). With <paramref name="resync"/> it
    /// watches again even when already watching, which makes the connection sync the channel now.
    /// </summary>
    private async Task WatchAsync(string channelId, string capabilityId, CancellationToken ct, bool resync = false)
    {
        if (!resync && _watching.ContainsKey(channelId)) return;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await Connection.WatchAsync(channelId, capabilityId, ct);
                _watching[channelId] = true;
                return;
            }
            catch (HarmonyServerException e) when (e.Code == ErrorCodes.RateLimited && attempt < RateLimitRetries)
            {
                await Task.Delay(RetryDelay(e), ct);
            }
        }
    }

    private static TimeSpan RetryDelay(HarmonyServerException e)
    {
        var delay = e.RetryAfter ?? TimeSpan.FromMilliseconds(100);
        return delay < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }
}
