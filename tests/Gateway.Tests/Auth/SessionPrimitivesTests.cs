using Harmony.Core.Protocol;
using Harmony.Gateway.Auth;
using Harmony.Gateway.Hosting;
using Harmony.Gateway.Identity;
using Microsoft.Extensions.Time.Testing;

namespace Harmony.Gateway.Tests.Auth;

public sealed class SessionPrimitivesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "harmony-id-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_instance_key_is_created_once_with_mode_600_and_reloaded()
    {
        using var first = FileInstanceIdentity.LoadOrCreate(_dir);
        using var second = FileInstanceIdentity.LoadOrCreate(_dir);
        Assert.Equal(first.Did, second.Did);
        var path = Path.Combine(_dir, FileInstanceIdentity.FileName);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.DoesNotContain("seed", first.ToString());
    }

    [Fact]
    public void A_corrupt_instance_key_is_a_typed_error()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, FileInstanceIdentity.FileName), "{\"did\":\"did:key:z6Mkx\",\"seed\":\"AAAA\"}");
        var e = Assert.Throws<InstanceKeyException>(() => FileInstanceIdentity.LoadOrCreate(_dir));
        Assert.Equal("gateway.instance_key", e.Code);
    }

    [Fact]
    public void Tokens_survive_a_restart_and_expire()
    {
        var options = new HarmonyGatewayOptions { SessionLifetime = TimeSpan.FromMinutes(10) };
        string token;
        using (var identity = FileInstanceIdentity.LoadOrCreate(_dir))
            token = new SessionTokenService(identity, options, _time).Issue("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK").Token;

        using var restarted = FileInstanceIdentity.LoadOrCreate(_dir);
        var service = new SessionTokenService(restarted, options, _time);
        Assert.Equal("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", service.Validate(token).Subject);

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(ErrorCodes.Unauthorized, Assert.Throws<ProtocolException>(() => service.Validate(token)).Code);
    }

    [Fact]
    public void Tokens_of_another_instance_are_refused()
    {
        using var a = FileInstanceIdentity.LoadOrCreate(_dir);
        using var b = FileInstanceIdentity.LoadOrCreate(_dir + "-b");
        var options = new HarmonyGatewayOptions();
        var token = new SessionTokenService(a, options, _time).Issue("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK").Token;
        Assert.Throws<ProtocolException>(() => new SessionTokenService(b, options, _time).Validate(token));
        Directory.Delete(_dir + "-b", true);
    }

    [Fact]
    public void A_nonce_expires_and_is_single_use()
    {
        var store = new ChallengeStore(new HarmonyGatewayOptions { ChallengeLifetime = TimeSpan.FromMinutes(2) }, _time);
        var (nonce, expiresAt) = store.Issue("did:a");
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(2), expiresAt);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains("expired", Assert.Throws<ProtocolException>(() => store.Consume("did:a", nonce)).Message);

        var (fresh, _) = store.Issue("did:a");
        store.Consume("did:a", fresh);
        Assert.Equal(ErrorCodes.Unauthorized, Assert.Throws<ProtocolException>(() => store.Consume("did:a", fresh)).Code);
    }

    [Fact]
    public void The_nonce_store_is_bounded_and_sweeps_expired_nonces()
    {
        var store = new ChallengeStore(new HarmonyGatewayOptions { MaxPendingChallenges = 3, ChallengeLifetime = TimeSpan.FromMinutes(1) }, _time);
        for (var i = 0; i < 3; i++) store.Issue("did:a");
        var full = Assert.Throws<ProtocolException>(() => store.Issue("did:a"));
        Assert.Equal(ErrorCodes.RateLimited, full.Code);
        Assert.NotNull(full.RetryAfter);
        _time.Advance(TimeSpan.FromMinutes(1));
        store.Issue("did:a");
        Assert.Equal(1, store.Count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }
}
