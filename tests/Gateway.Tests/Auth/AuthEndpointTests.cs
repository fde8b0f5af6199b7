using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Harmony.Core.Crypto;
using Harmony.Core.Encoding;
using Harmony.Core.Protocol;
using Harmony.Gateway.Auth;
using Harmony.Gateway.Tests.Infrastructure;

namespace Harmony.Gateway.Tests.Auth;

[Collection(NodeCollection.Name)]
public sealed class AuthEndpointTests(NodeFixture fixture)
{
    private GatewayFactory Node => fixture.Node;

    [Fact]
    public async Task Login_issues_a_token_the_hub_accepts_in_the_header_and_in_the_query()
    {
        using var user = new TestUser();
        var token = await user.LoginAsync(Node);
        using var http = Node.Http();

        var viaHeader = new HttpRequestMessage(HttpMethod.Post, "/hub/negotiate?negotiateVersion=1");
        viaHeader.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(viaHeader)).StatusCode);

        var viaQuery = await http.PostAsync("/hub/negotiate?negotiateVersion=1&access_token=" + Uri.EscapeDataString(token), null);
        Assert.Equal(HttpStatusCode.OK, viaQuery.StatusCode);

        var none = await http.PostAsync("/hub/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(ErrorCodes.Unauthorized, (await ErrorOf(none)).Code);

        var tampered = await http.PostAsync("/hub/negotiate?negotiateVersion=1&access_token=" + Uri.EscapeDataString(Tamper(token)), null);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
    }

    [Fact]
    public async Task The_token_names_the_instance_and_the_user()
    {
        using var user = new TestUser();
        var token = await user.LoginAsync(Node);
        var payload = JsonDocument.Parse(Base64Url.Decode(token.Split('.')[0])).RootElement;
        Assert.Equal(user.Did, payload.GetProperty("sub").GetString());
        Assert.StartsWith("did:key:z6Mk", payload.GetProperty("iss").GetString());
        Assert.True(payload.GetProperty("exp").GetInt64() > payload.GetProperty("iat").GetInt64());
        Assert.Equal(2, token.Split('.').Length);
    }

    [Fact]
    public async Task A_nonce_cannot_be_replayed()
    {
        using var user = new TestUser();
        using var http = Node.Http();
        var nonce = await ChallengeAsync(http, user.Did);
        var body = SessionBody(user, Node.Origin, nonce);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/auth/session", body)).StatusCode);

        var replay = await http.PostAsJsonAsync("/api/auth/session", body);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(ErrorCodes.Unauthorized, (await ErrorOf(replay)).Code);
    }

    [Fact]
    public async Task A_signature_by_another_key_or_for_another_origin_is_refused_and_burns_the_nonce()
    {
        using var user = new TestUser();
        using var other = new TestUser();
        using var http = Node.Http();

        var nonce = await ChallengeAsync(http, user.Did);
        var forged = new { did = user.Did, nonce, signature = Base64Url.Encode(other.Key.Sign(AuthMessage.SigningBytes(Node.Origin, user.Did, nonce))) };
        var refused = await http.PostAsJsonAsync("/api/auth/session", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(ErrorCodes.Unauthorized, (await ErrorOf(refused)).Code);
        // The nonce is gone even for the right signature now.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/auth/session", SessionBody(user, Node.Origin, nonce))).StatusCode);

        var nonce2 = await ChallengeAsync(http, user.Did);
        var wrongOrigin = await http.PostAsJsonAsync("/api/auth/session", SessionBody(user, "https://evil.example", nonce2));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongOrigin.StatusCode);
    }

    [Fact]
    public async Task A_nonce_issued_to_one_did_does_not_log_in_another()
    {
        using var user = new TestUser();
        using var other = new TestUser();
        using var http = Node.Http();
        var nonce = await ChallengeAsync(http, user.Did);
        var response = await http.PostAsJsonAsync("/api/auth/session", SessionBody(other, Node.Origin, nonce));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("did:key:z6MkInvalid")]
    [InlineData("not a did")]
    [InlineData("")]
    [InlineData("did:key:z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F")]
    public async Task A_bad_did_is_a_bad_request(string did)
    {
        using var http = Node.Http();
        var response = await http.PostAsJsonAsync("/api/auth/challenge", new { did });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorCodes.BadRequest, (await ErrorOf(response)).Code);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"did\": 5}")]
    public async Task A_malformed_body_is_a_typed_bad_request(string body)
    {
        using var http = Node.Http();
        foreach (var path in new[] { "/api/auth/challenge", "/api/auth/session" })
        {
            var response = await http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(ErrorCodes.BadRequest, (await ErrorOf(response)).Code);
        }
        var huge = await http.PostAsync("/api/auth/challenge", new StringContent("{\"did\":\"" + new string('a', 20_000) + "\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(ErrorCodes.TooLarge, (await ErrorOf(huge)).Code);
    }

    [Fact]
    public async Task Origins_outside_the_allow_list_are_refused()
    {
        using var user = new TestUser();
        using var http = Node.Http();

        var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/auth/challenge") { Content = JsonContent.Create(new { did = user.Did }) };
        foreign.Headers.Add("Origin", "https://evil.example");
        var refused = await http.SendAsync(foreign);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ErrorCodes.Unauthorized, (await ErrorOf(refused)).Code);

        var hub = new HttpRequestMessage(HttpMethod.Post, "/hub/negotiate?negotiateVersion=1");
        hub.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(hub)).StatusCode);

        foreach (var origin in new[] { "https://allowed.example", Node.Origin })
        {
            var allowed = new HttpRequestMessage(HttpMethod.Post, "/api/auth/challenge") { Content = JsonContent.Create(new { did = user.Did }) };
            allowed.Headers.Add("Origin", origin);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(allowed)).StatusCode);
        }
    }

    [Fact]
    public async Task Allowed_foreign_origins_get_cors_and_others_do_not()
    {
        using var http = Node.Http();
        foreach (var (origin, allowed) in new[] { ("https://allowed.example", true), ("https://evil.example", false) })
        {
            var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/auth/challenge");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
            var response = await http.SendAsync(preflight);
            var header = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
            Assert.Equal(allowed ? origin : null, header);
        }
    }

    [Fact]
    public async Task A_browser_login_signs_its_own_origin()
    {
        using var user = new TestUser();
        using var http = Node.Http();
        var nonce = await ChallengeAsync(http, user.Did);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/session") { Content = JsonContent.Create(SessionBody(user, "https://allowed.example", nonce)) };
        request.Headers.Add("Origin", "https://allowed.example");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Health_and_readiness_answer()
    {
        using var http = Node.Http();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
    }

    private static async Task<string> ChallengeAsync(HttpClient http, string did)
    {
        var response = await http.PostAsJsonAsync("/api/auth/challenge", new { did });
        response.EnsureSuccessStatusCode();
        var challenge = await response.Content.ReadFromJsonAsync<ChallengeResponse>();
        Assert.Equal(32, Base64Url.Decode(challenge!.Nonce).Length);
        return challenge.Nonce;
    }

    private static object SessionBody(TestUser user, string origin, string nonce) =>
        new { did = user.Did, nonce, signature = Base64Url.Encode(user.Key.Sign(AuthMessage.SigningBytes(origin, user.Did, nonce))) };

    private static async Task<(string Code, string Message)> ErrorOf(HttpResponseMessage response)
    {
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (root.GetProperty("code").GetString()!, root.GetProperty("message").GetString()!);
    }

    private static string Tamper(string token)
    {
        var chars = token.ToCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
