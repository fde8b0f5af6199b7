using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Encoding;
using Harmony.Core.Protocol;

namespace Harmony.Client.Auth;

/// <summary>
/// A session on a Harmony server, obtained by the challenge/response login of docs/protocol.md §4.1. The token is a
/// secret: it is not shown by <see cref="ToString"/>.
/// </summary>
public sealed class HarmonySession
{
    private HarmonySession(string token, DateTimeOffset expiresAt, string did, string instance)
    {
        Token = token;
        ExpiresAt = expiresAt;
        Did = did;
        Instance = instance;
    }

    /// <summary>The bearer token for the hub (<c>Authorization: Bearer</c> or <c>access_token</c>).</summary>
    public string Token { get; }

    /// <summary>When the token expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The authenticated DID.</summary>
    public string Did { get; }

    /// <summary>The server instance's did:key.</summary>
    public string Instance { get; }

    /// <summary>
    /// Logs in to <paramref name="http"/>'s base address with <paramref name="key"/>: asks for a challenge, signs
    /// <c>"harmony-auth-v1\n" + origin + "\n" + did + "\n" + nonce</c> with origin = the base address's origin.
    /// </summary>
    /// <exception cref="HarmonyServerException">The server refused (its error code).</exception>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    public static async Task<HarmonySession> LoginAsync(HttpClient http, Ed25519KeyPair key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(key);
        var baseAddress = http.BaseAddress ?? throw new HarmonyClientException("client.config", "The HttpClient needs a BaseAddress.");
        var did = DidKey.FromEd25519(key.PublicKey).Did;
        var challenge = await PostAsync<ChallengeBody>(http, "api/auth/challenge", new { did }, cancellationToken);
        var message = AuthMessage.SigningBytes(AuthMessage.OriginOf(baseAddress), did, challenge.Nonce);
        var session = await PostAsync<SessionBody>(http, "api/auth/session",
            new { did, nonce = challenge.Nonce, signature = Base64Url.Encode(key.Sign(message)) }, cancellationToken);
        return new HarmonySession(session.Token, session.ExpiresAt, session.Did, session.Instance);
    }

    /// <inheritdoc />
    public override string ToString() => $"HarmonySession({Did}, expires {ExpiresAt:O})";

    private static async Task<T> PostAsync<T>(HttpClient http, string path, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path, body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw (Exception?)HarmonyServerException.TryParse(text) ?? new HarmonyClientException("client.login", $"Login failed with HTTP {(int)response.StatusCode}.");
        return System.Text.Json.JsonSerializer.Deserialize<T>(text, JsonOptions)
            ?? throw new HarmonyClientException("client.login", "The server's login answer is empty.");
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web);

    private sealed record ChallengeBody([property: JsonPropertyName("nonce")] string Nonce, [property: JsonPropertyName("expiresAt")] DateTimeOffset ExpiresAt);

    private sealed record SessionBody(
        [property: JsonPropertyName("token")] string Token,
        [property: JsonPropertyName("expiresAt")] DateTimeOffset ExpiresAt,
        [property: JsonPropertyName("did")] string Did,
        [property: JsonPropertyName("instance")] string Instance)
    {
        public override string ToString() => $"SessionBody({Did})";
    }
}
