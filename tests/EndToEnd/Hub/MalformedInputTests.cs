using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Protocol;
using Harmony.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Harmony.EndToEnd.Tests.Hub;

/// <summary>
/// Scenario 5: malformed and hostile input sent to a real node process with a raw SignalR client. Every refusal is the
/// typed error of docs/protocol.md §3/§4.6, the process stays up (<c>/healthz</c>), and nothing changes (the channel's
/// <c>lastSeq</c>, the roster and the community's head state).
/// </summary>
public sealed class MalformedInputTests(ServerFixture fixture, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task Malformed_and_replayed_hub_calls_get_typed_errors_and_change_nothing()
    {
        using var alice = new HubUser();
        using var bob = new HubUser();
        using var carol = new HubUser();
        await using var a = await alice.ConnectAsync(Server);
        await using var b = await bob.ConnectAsync(Server);
        await using var c = await carol.ConnectAsync(Server);
        var community = await RawCommunity.CreateAsync(alice, a);
        var bobCapability = await community.InviteAndJoinAsync(bob, b);
        var cap = community.RootCapabilityId;
        var channel = community.ChannelId;
        var first = alice.Envelope(channel);
        Assert.Equal(1, (await a.InvokeAsync<JsonElement>("Send", first, cap, null)).GetProperty("seq").GetInt64());
        var before = await SnapshotAsync(a, community);

        var failures = new List<string>();
        var cases = 0;
        async Task Expect(string name, string code, Func<Task> call)
        {
            cases++;
            try
            {
                var (actual, _) = await HubErrors.CodeOf(call);
                if (actual != code) failures.Add($"{name}: expected {code}, got {actual}");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add($"{name}: expected {code}, got {e.GetType().Name}: {e.Message}");
            }
        }

        // Oversized payloads within the hub's message limit: envelope, identifier, invocation text.
        await Expect("oversized envelope", ErrorCodes.TooLarge, () => a.InvokeAsync<JsonElement>("Send", alice.Envelope(channel, new byte[300 * 1024]), cap, null));
        await Expect("oversized channel id", ErrorCodes.TooLarge, () => a.InvokeAsync<JsonElement>("Sync", new string('x', 5000), 0L, 10, cap));
        await Expect("oversized invocation", ErrorCodes.TooLarge, () => a.InvokeAsync("Leave", community.Id, "{\"x\":\"" + new string('a', 70 * 1024) + "\"}"));
        await Expect("oversized KeyPackage batch", ErrorCodes.TooLarge, () => a.InvokeAsync<int>("UploadKeyPackages", Enumerable.Range(0, 101).Select(_ => new byte[] { 1 }).ToArray(), null));

        // Wrong argument types and counts, unknown methods.
        await Expect("string for a number", ErrorCodes.BadRequest, () => a.InvokeAsync<JsonElement>("Sync", channel, "not a number", 10, cap));
        await Expect("object for a string", ErrorCodes.BadRequest, () => a.InvokeAsync<JsonElement>("Watch", new { evil = true }, cap));
        await Expect("too few arguments", ErrorCodes.BadRequest, () => a.InvokeAsync<JsonElement>("Sync", channel));
        await Expect("too many arguments", ErrorCodes.BadRequest, () => a.InvokeAsync<JsonElement>("Send", first, cap, null, "extra", 42));
        await Expect("no arguments", ErrorCodes.BadRequest, () => a.InvokeAsync<JsonElement>("Send"));
        await Expect("unknown method", ErrorCodes.BadRequest, () => a.InvokeAsync<JsonElement>("DropAllTables", channel));
        await Expect("invalid limit", ErrorCodes.BadRequest, () => a.InvokeAsync<JsonElement>("Sync", channel, 0L, 1_000_000, cap));
        await Expect("negative seq", ErrorCodes.BadRequest, () => a.InvokeAsync<JsonElement>("Sync", channel, -5L, 10, cap));
        await Expect("invocation not JSON", ErrorCodes.BadRequest, () => a.InvokeAsync("Leave", community.Id, "{not json"));
        await Expect("empty envelope", ErrorCodes.BadRequest, () => a.InvokeAsync<JsonElement>("Send", Array.Empty<byte>(), cap, null));

        // Bad envelopes: garbage, bad signature, tampered body, someone else's envelope, wrong channel.
        await Expect("garbage envelope", ErrorCodes.InvalidEnvelope, () => a.InvokeAsync<JsonElement>("Send", new byte[] { 1, 2, 3, 4, 5 }, cap, null));
        var badSignature = alice.Envelope(channel);
        badSignature[^1] ^= 0x01;
        await Expect("bad envelope signature", ErrorCodes.InvalidEnvelope, () => a.InvokeAsync<JsonElement>("Send", badSignature, cap, null));
        var tampered = alice.Envelope(channel, [9, 9, 9, 9]);
        tampered[^(64 + 1)] ^= 0x01;
        await Expect("tampered ciphertext", ErrorCodes.InvalidEnvelope, () => a.InvokeAsync<JsonElement>("Send", tampered, cap, null));
        await Expect("foreign author", ErrorCodes.Unauthorized, () => a.InvokeAsync<JsonElement>("Send", bob.Envelope(channel), cap, null));
        await Expect("unknown channel", ErrorCodes.NotFound, () => a.InvokeAsync<JsonElement>("Send", alice.Envelope("no-such-" + channel), cap, null));

        // Replays: a signed request reused for another request, by another DID, or by someone who does not hold it.
        var root = alice.Root(community.Id);
        var forX = alice.Invoke(root, Actions.ManageChannels, community.Target, new JsonObject { ["channel"] = "x-" + community.Id });
        await Expect("invocation replayed for another channel", ErrorCodes.CapabilityInvalid,
            () => a.InvokeAsync<JsonElement>("CreateChannel", community.Id, "y-" + community.Id, "y", 0, null, 0, forX));
        await Expect("owner's invocation replayed by another DID", ErrorCodes.Unauthorized,
            () => c.InvokeAsync<JsonElement>("CreateChannel", community.Id, "x-" + community.Id, "x", 0, null, 0, forX));
        var kickBob = alice.Invoke(root, Actions.Kick, community.Target, new JsonObject { ["member"] = bob.Did });
        await Expect("kick invocation replayed for another member", ErrorCodes.CapabilityInvalid, () => a.InvokeAsync("Kick", community.Id, carol.Did, kickBob));
        await Expect("kick invocation replayed by the victim", ErrorCodes.Unauthorized, () => b.InvokeAsync("Kick", community.Id, bob.Did, kickBob));
        var bobJoin = bob.Invoke(community.InviteFor(bob), Actions.Join, community.Target);
        await Expect("join invocation replayed by another DID", ErrorCodes.Unauthorized, () => c.InvokeAsync<JsonElement>("Join", community.Id, bobJoin, Array.Empty<string>()));
        var someEnvelope = alice.Envelope(channel);
        var otherEnvelope = alice.Envelope(channel);
        var sendInvocation = alice.Invoke(root, Actions.SendMessage, InvocationTargets.Channel(community.Id, channel),
            new JsonObject { ["envelope"] = EnvelopeCodec.Decode(someEnvelope).Id });
        await Expect("send invocation replayed for another envelope", ErrorCodes.CapabilityInvalid, () => a.InvokeAsync<JsonElement>("Send", otherEnvelope, null, sendInvocation));
        await Expect("capability id not held", ErrorCodes.CapabilityInvalid, () => c.InvokeAsync<JsonElement>("Send", carol.Envelope(channel), bobCapability, null));
        await Expect("non-member reads", ErrorCodes.CapabilityInvalid, () => c.InvokeAsync<JsonElement>("Sync", channel, 0L, 10, cap));
        await Expect("non-member watches", ErrorCodes.CapabilityInvalid, () => c.InvokeAsync<JsonElement>("Watch", channel, cap));
        await Expect("non-member roster", ErrorCodes.Unauthorized, () => c.InvokeAsync<JsonElement>("GetMembers", community.Id));

        output.WriteLine($"{cases - failures.Count}/{cases} malformed calls got the expected typed error");
        Assert.Empty(failures);

        // A replayed envelope is not an error but a safe retry: the original seq, flagged duplicate, nothing appended.
        var replay = await a.InvokeAsync<JsonElement>("Send", first, cap, null);
        Assert.Equal(1, replay.GetProperty("seq").GetInt64());
        Assert.True(replay.GetProperty("duplicate").GetBoolean());

        Assert.True(await Server.IsHealthyAsync(), Server.Describe());
        Assert.Equal(before, await SnapshotAsync(a, community));
        // The connections still work.
        Assert.Equal(2, (await b.InvokeAsync<JsonElement>("Send", bob.Envelope(channel), bobCapability, null)).GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task Replayed_and_forged_logins_are_refused()
    {
        using var mallory = new HubUser();
        using var victim = new HubUser();
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        var failures = new List<string>();
        async Task Expect(string name, HttpStatusCode status, string code, Func<Task<HttpResponseMessage>> call)
        {
            using var response = await call();
            var body = await response.Content.ReadAsStringAsync();
            string? actual = null;
            try { actual = JsonDocument.Parse(body).RootElement.GetProperty("code").GetString(); }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { }
            if (response.StatusCode != status || actual != code) failures.Add($"{name}: expected {(int)status} {code}, got {(int)response.StatusCode} {body}");
        }

        var nonce = await mallory.ChallengeAsync(http);
        using (var ok = await mallory.PostSessionAsync(http, Server.Origin, nonce)) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await Expect("replayed nonce", HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized, () => mallory.PostSessionAsync(http, Server.Origin, nonce));
        var victimNonce = await victim.ChallengeAsync(http);
        await Expect("nonce issued to another DID", HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized, () => mallory.PostSessionAsync(http, Server.Origin, victimNonce));
        var fresh = await mallory.ChallengeAsync(http);
        await Expect("signed for another origin", HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized, () => mallory.PostSessionAsync(http, "https://evil.example", fresh));
        await Expect("nonce consumed by the failed attempt", HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized, () => mallory.PostSessionAsync(http, Server.Origin, fresh));
        await Expect("unknown nonce", HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized, () => mallory.PostSessionAsync(http, Server.Origin, "AAAA"));
        await Expect("not a did:key", HttpStatusCode.BadRequest, ErrorCodes.BadRequest, () => http.PostAsJsonAsync("api/auth/challenge", new { did = "did:web:example.org" }));
        await Expect("missing signature", HttpStatusCode.BadRequest, ErrorCodes.BadRequest, () => http.PostAsJsonAsync("api/auth/session", new { did = mallory.Did, nonce = "x" }));
        await Expect("JSON garbage", HttpStatusCode.BadRequest, ErrorCodes.BadRequest,
            () => http.PostAsync("api/auth/session", new StringContent("{\"did\": [", Encoding.UTF8, "application/json")));

        // The victim's nonce is still the victim's: mallory's attempt consumed it, so the victim asks again and logs in.
        var again = await victim.ChallengeAsync(http);
        using (var ok = await victim.PostSessionAsync(http, Server.Origin, again)) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        // No token, or a forged one, gets no hub.
        var anonymous = new HubConnectionBuilder().WithUrl(new Uri(Server.BaseAddress, "hub")).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await anonymous.DisposeAsync();
        var forged = new HubConnectionBuilder().WithUrl(new Uri(Server.BaseAddress, "hub"), o => o.AccessTokenProvider = () => Task.FromResult<string?>("eyJzdWIiOiJ4In0.AAAA")).Build();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<HttpRequestException>(() => forged.StartAsync())).StatusCode);
        await forged.DisposeAsync();

        Assert.Empty(failures);
        Assert.True(await Server.IsHealthyAsync(), Server.Describe());
    }

    [Fact]
    public async Task A_flood_is_rate_limited_with_a_retry_hint_and_the_node_recovers()
    {
        using var flooder = new HubUser();
        await using var connection = await flooder.ConnectAsync(Server);
        var calls = Enumerable.Range(0, 300).Select(async _ =>
        {
            try
            {
                await connection.InvokeAsync<JsonElement>("GetProfile", flooder.Did);
                return (Code: "ok", RetryAfterMs: (long?)null);
            }
            catch (Microsoft.AspNetCore.SignalR.HubException e)
            {
                return HubErrors.Parse(e);
            }
        });
        var results = await Task.WhenAll(calls);
        var limited = results.Count(r => r.Code == ErrorCodes.RateLimited);
        output.WriteLine($"flood of {results.Length}: {results.Count(r => r.Code == "ok")} served, {limited} RateLimited");
        Assert.True(limited > 0, "a flood of 300 calls was never rate limited");
        Assert.All(results, r => Assert.True(r.Code is "ok" or ErrorCodes.RateLimited, "unexpected outcome " + r.Code));
        Assert.All(results.Where(r => r.Code == ErrorCodes.RateLimited), r => Assert.True(r.RetryAfterMs > 0, "RateLimited without retryAfterMs"));
        Assert.True(await Server.IsHealthyAsync(), Server.Describe());

        // The bucket refills: after the hinted time the same connection is served again.
        await Wait.UntilAsync(async () =>
        {
            try
            {
                await connection.InvokeAsync<JsonElement>("GetProfile", flooder.Did);
                return true;
            }
            catch (Microsoft.AspNetCore.SignalR.HubException) { return false; }
        }, TimeSpan.FromSeconds(10), "the flooder is served again");
    }

    [Fact]
    public async Task A_message_above_the_hub_limit_closes_only_that_connection()
    {
        using var user = new HubUser();
        var connection = await user.ConnectAsync(Server);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeAsync<JsonElement>("Send", new byte[2 * 1024 * 1024], "x", null));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        await connection.DisposeAsync();

        Assert.True(await Server.IsHealthyAsync(), Server.Describe());
        await using var again = await user.ConnectAsync(Server);
        Assert.Equal(JsonValueKind.Object, (await again.InvokeAsync<JsonElement>("GetProfile", user.Did)).ValueKind);
    }

    [Fact]
    public async Task Unbindable_calls_over_MessagePack_get_typed_errors()
    {
        using var user = new HubUser();
        await using var connection = await user.ConnectAsync(Server, messagePack: true);
        Assert.Equal(ErrorCodes.BadRequest, (await HubErrors.CodeOf(() => connection.InvokeAsync<object>("NoSuchMethod", 1, 2))).Code);
        Assert.Equal(ErrorCodes.BadRequest, (await HubErrors.CodeOf(() => connection.InvokeAsync<object>("Sync", 42, "x", "y", 7))).Code);
        Assert.Equal(ErrorCodes.BadRequest, (await HubErrors.CodeOf(() => connection.InvokeAsync<object>("Send", "not bytes", 1, 2))).Code);
        Assert.NotNull(await connection.InvokeAsync<object>("GetProfile", user.Did));
        Assert.True(await Server.IsHealthyAsync(), Server.Describe());
    }

    /// <summary>What must not change: the channel's last seq, the roster, the community's head state.</summary>
    private static async Task<string> SnapshotAsync(HubConnection owner, RawCommunity community)
    {
        var page = await owner.InvokeAsync<JsonElement>("Sync", community.ChannelId, 0L, 200, community.RootCapabilityId);
        var members = await owner.InvokeAsync<JsonElement>("GetMembers", community.Id);
        var info = await owner.InvokeAsync<JsonElement>("GetCommunity", community.Id);
        var dids = members.EnumerateArray().Select(m => m.GetProperty("did").GetString()).Order(StringComparer.Ordinal);
        var channels = info.GetProperty("channels").EnumerateArray().Select(ch => ch.GetProperty("id").GetString()).Order(StringComparer.Ordinal);
        return $"lastSeq={page.GetProperty("lastSeq").GetInt64()} entries={page.GetProperty("entries").GetArrayLength()} members=[{string.Join(",", dids)}] " +
            $"channels=[{string.Join(",", channels)}] memberCount={info.GetProperty("memberCount").GetInt32()} policyVersion={info.GetProperty("policyVersion").GetInt64()}";
    }
}
