using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Harmony.Core.Encoding;
using Harmony.Core.Protocol;
using Harmony.Gateway.Auth;
using Harmony.Gateway.Hosting;
using Harmony.Gateway.Identity;
using Harmony.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Harmony.Gateway.Tests.Auth;

/// <summary>Nonce and session expiry through the real endpoints, with the auth services on a fake clock.</summary>
public sealed class ExpiryTests : IClassFixture<ExpiryTests.FakeClockNode>
{
    private readonly FakeClockNode _fixture;

    public ExpiryTests(FakeClockNode fixture) => _fixture = fixture;

    [Fact]
    public async Task An_expired_nonce_is_refused()
    {
        using var user = new TestUser();
        using var http = _fixture.Node.Http();
        var challenge = await (await http.PostAsJsonAsync("/api/auth/challenge", new { did = user.Did })).Content.ReadFromJsonAsync<ChallengeResponse>();
        _fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var signature = Base64Url.Encode(user.Key.Sign(AuthMessage.SigningBytes(_fixture.Node.Origin, user.Did, challenge!.Nonce)));
        var response = await http.PostAsJsonAsync("/api/auth/session", new { did = user.Did, nonce = challenge.Nonce, signature });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(ErrorCodes.Unauthorized, body.GetProperty("code").GetString());
        Assert.Contains("expired", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_expired_session_token_is_refused()
    {
        using var user = new TestUser();
        using var http = _fixture.Node.Http();
        var token = await user.LoginAsync(_fixture.Node);
        var before = new HttpRequestMessage(HttpMethod.Post, "/hub/negotiate?negotiateVersion=1");
        before.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(before)).StatusCode);

        _fixture.Clock.Advance(TimeSpan.FromHours(1));
        var after = new HttpRequestMessage(HttpMethod.Post, "/hub/negotiate?negotiateVersion=1");
        after.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(after)).StatusCode);
    }

    public sealed class FakeClockNode : IDisposable
    {
        public FakeClockNode()
        {
            Node = new GatewayFactory(services: services =>
            {
                services.AddSingleton(sp => new ChallengeStore(sp.GetRequiredService<HarmonyGatewayOptions>(), Clock));
                services.AddSingleton(sp => new SessionTokenService(sp.GetRequiredService<IInstanceIdentity>(), sp.GetRequiredService<HarmonyGatewayOptions>(), Clock));
            });
        }

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public GatewayFactory Node { get; }

        public void Dispose() => Node.Dispose();
    }
}
