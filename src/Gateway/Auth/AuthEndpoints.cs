using System.Text.Json;
using Harmony.Core.Did;
using Harmony.Core.Encoding;
using Harmony.Core.Protocol;
using Harmony.Gateway.Errors;
using Harmony.Gateway.Identity;
using Harmony.Gateway.Origins;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Harmony.Gateway.Auth;

/// <summary>The challenge/response login endpoints (docs/protocol.md §4.1).</summary>
public static class AuthEndpoints
{
    /// <summary>Maps <c>POST /api/auth/challenge</c> and <c>POST /api/auth/session</c>.</summary>
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/auth/challenge", (HttpRequest request, ChallengeStore challenges) =>
            GuardAsync(async () =>
            {
                var body = await ReadBodyAsync<ChallengeRequest>(request);
                var did = RequireDid(body.Did);
                var (nonce, expiresAt) = challenges.Issue(did);
                return Results.Ok(new ChallengeResponse(nonce, expiresAt));
            }));
        routes.MapPost("/api/auth/session", (HttpRequest request, ChallengeStore challenges,
                SessionTokenService tokens, OriginPolicy origins, IInstanceIdentity instance) =>
            GuardAsync(async () =>
            {
                var body = await ReadBodyAsync<SessionRequest>(request);
                var did = RequireDid(body.Did);
                if (string.IsNullOrEmpty(body.Nonce) || string.IsNullOrEmpty(body.Signature))
                    throw new ProtocolException(ErrorCodes.BadRequest, "nonce and signature are required.");
                challenges.Consume(did, body.Nonce);
                byte[] signature;
                try { signature = Base64Url.Decode(body.Signature); }
                catch (EncodingException) { throw new ProtocolException(ErrorCodes.Unauthorized, "The signature is not base64url."); }
                var message = AuthMessage.SigningBytes(origins.SigningOrigin(request), did, body.Nonce);
                if (!DidKey.Parse(did).Verify(message, signature))
                    throw new ProtocolException(ErrorCodes.Unauthorized, "The signature does not verify for this DID, nonce and origin.");
                var (token, expiresAt) = tokens.Issue(did);
                return Results.Ok(new SessionResponse(token, expiresAt, did, instance.Did));
            }));
        return routes;
    }

    /// <summary>Largest auth request body, in bytes.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web);

    private static async Task<IResult> GuardAsync(Func<Task<IResult>> action)
    {
        try { return await action(); }
        catch (ProtocolException e) { return ErrorTranslator.ToResult(ErrorTranslator.FromException(e)!); }
    }

    /// <summary>Reads a small JSON body; malformed or oversized bodies are typed errors, not framework problem details.</summary>
    private static async Task<T> ReadBodyAsync<T>(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes) throw new ProtocolException(ErrorCodes.TooLarge, $"The body exceeds {MaxBodyBytes} bytes.");
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0) length += read;
        if (length > MaxBodyBytes) throw new ProtocolException(ErrorCodes.TooLarge, $"The body exceeds {MaxBodyBytes} bytes.");
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), BodyJson)
                ?? throw new ProtocolException(ErrorCodes.BadRequest, "The body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new ProtocolException(ErrorCodes.BadRequest, "The body is not valid JSON of the expected shape.");
        }
    }

    private static string RequireDid(string? did)
    {
        if (!DidKey.TryParse(did, out var key, out _) || key!.KeyType != DidKeyType.Ed25519 || key.Did != did)
            throw new ProtocolException(ErrorCodes.BadRequest, "did must be an Ed25519 did:key.");
        return did!;
    }
}
