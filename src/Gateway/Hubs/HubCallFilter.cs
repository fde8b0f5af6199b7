using Harmony.Core.Protocol;
using Harmony.Gateway.Errors;
using Harmony.Gateway.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace Harmony.Gateway.Hubs;

/// <summary>
/// Charges every hub call to the connection's and the DID's rate limits, and turns refusals into a
/// <see cref="HubException"/> whose message is the error JSON <c>{code, message, retryAfterMs}</c>.
/// </summary>
public sealed class HubCallFilter(HubRateLimiter limiter) : IHubFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            var context = invocationContext.Context;
            limiter.Charge(context.ConnectionId, context.UserIdentifier ?? context.ConnectionId);
            return await next(invocationContext);
        }
        catch (Exception e) when (Translate(e) is { } error)
        {
            throw new HubException(error.ToJson());
        }
    }

    /// <inheritdoc />
    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        limiter.Release(context.Context.ConnectionId);
        return next(context, exception);
    }

    private static ErrorBody? Translate(Exception e) => e switch
    {
        HubException => null,
        ArgumentException a => new ErrorBody(ErrorCodes.BadRequest, a.Message),
        _ => ErrorTranslator.FromException(e),
    };
}
