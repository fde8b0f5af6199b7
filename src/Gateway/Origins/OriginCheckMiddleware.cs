using Harmony.Core.Protocol;
using Harmony.Gateway.Errors;
using Microsoft.AspNetCore.Http;

namespace Harmony.Gateway.Origins;

/// <summary>Refuses auth and hub requests from origins the <see cref="OriginPolicy"/> does not allow (403, <c>Unauthorized</c>).</summary>
public sealed class OriginCheckMiddleware(RequestDelegate next, OriginPolicy policy)
{
    /// <summary>Runs the check for <c>/api</c> and <c>/hub</c> paths.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if ((path.StartsWithSegments("/api") || path.StartsWithSegments("/hub")) && !policy.IsAllowed(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new ErrorBody(ErrorCodes.Unauthorized, "This origin is not allowed."));
            return;
        }
        await next(context);
    }
}
