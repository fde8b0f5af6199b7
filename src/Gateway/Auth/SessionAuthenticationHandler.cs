using System.Security.Claims;
using System.Text.Encodings.Web;
using Harmony.Core.Protocol;
using Harmony.Gateway.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Harmony.Gateway.Auth;

/// <summary>
/// Authenticates requests carrying a session token in <c>Authorization: Bearer</c> or, for the hub, the
/// <c>access_token</c> query parameter. Challenges answer 401 with the protocol's error JSON.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionTokenService tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken(Request);
        if (token is null) return Task.FromResult(AuthenticateResult.NoResult());
        SessionClaims claims;
        try { claims = tokens.Validate(token); }
        catch (ProtocolException e) { return Task.FromResult(AuthenticateResult.Fail(e.Message)); }
        var identity = new ClaimsIdentity(
            [new Claim(SessionAuthenticationDefaults.DidClaim, claims.Subject), new Claim("jti", claims.TokenId)],
            SessionAuthenticationDefaults.Scheme);
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.FromUnixTimeSeconds(claims.ExpiresAt) };
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, Scheme.Name)));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var failure = (await Context.AuthenticateAsync(Scheme.Name)).Failure?.Message;
        await Response.WriteAsJsonAsync(new ErrorBody(ErrorCodes.Unauthorized, failure ?? "A session token is required."));
    }

    private static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        // Only the hub takes the query form (browser WebSockets cannot send headers); elsewhere it would leak into logs for nothing.
        if (!request.Path.StartsWithSegments(SessionAuthenticationDefaults.HubPath)) return null;
        var query = request.Query[SessionAuthenticationDefaults.AccessTokenQuery].ToString();
        return query.Length > 0 ? query : null;
    }
}
