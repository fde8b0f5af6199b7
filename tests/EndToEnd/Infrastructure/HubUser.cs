using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Encoding;
using Harmony.Core.Protocol;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A user who talks to the hub with a raw SignalR client (no SDK): logs in over HTTP (docs/protocol.md §4.1), connects,
/// signs ZCAP invocations and envelopes itself.
/// </summary>
public sealed class HubUser : IDisposable
{
    private ulong _lamport;

    /// <summary>A user with a fresh key.</summary>
    public HubUser() => Did = DidKey.FromEd25519(Key.PublicKey).Did;

    /// <summary>The user's key.</summary>
    public Ed25519KeyPair Key { get; } = Ed25519KeyPair.Generate();

    /// <summary>The user's did:key.</summary>
    public string Did { get; }

    /// <summary>Asks for a login challenge and returns its nonce.</summary>
    public async Task<string> ChallengeAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("api/auth/challenge", new { did = Did });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("nonce").GetString()!;
    }

    /// <summary>Signs <paramref name="nonce"/> for <paramref name="origin"/> and posts it; returns the raw HTTP response.</summary>
    public Task<HttpResponseMessage> PostSessionAsync(HttpClient http, string origin, string nonce) =>
        http.PostAsJsonAsync("api/auth/session", new { did = Did, nonce, signature = Base64Url.Encode(Key.Sign(AuthMessage.SigningBytes(origin, Did, nonce))) });

    /// <summary>Logs in to <paramref name="server"/> and returns the session token.</summary>
    public async Task<string> LoginAsync(ServerProcess server)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var nonce = await ChallengeAsync(http);
        using var response = await PostSessionAsync(http, server.Origin, nonce);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>Logs in and opens a raw hub connection (JSON, or MessagePack).</summary>
    public async Task<HubConnection> ConnectAsync(ServerProcess server, bool messagePack = false) =>
        await ConnectWithTokenAsync(server, await LoginAsync(server), messagePack);

    /// <summary>Opens a raw hub connection to <paramref name="server"/> with a given session token.</summary>
    public static async Task<HubConnection> ConnectWithTokenAsync(ServerProcess server, string token, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "hub"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));
        if (messagePack) builder.AddMessagePackProtocol();
        var connection = builder.Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>The root capability of <paramref name="communityId"/> (controlled by this user when they own it).</summary>
    public JsonObject Root(string communityId) => CapabilityIssuer.CreateRoot(InvocationTargets.Community(communityId), Did);

    /// <summary>A signed invocation of <paramref name="capability"/> for <paramref name="action"/> on <paramref name="target"/>.</summary>
    public string Invoke(JsonObject capability, string action, string target, JsonObject? document = null) =>
        CapabilityIssuer.Invoke(document ?? [], capability, new InvocationRequest(action, target), Key).ToJsonString();

    /// <summary>Delegates <paramref name="actions"/> on <paramref name="target"/> to <paramref name="controller"/> for an hour.</summary>
    public JsonObject Delegate(JsonObject parent, string controller, string target, params string[] actions) =>
        CapabilityIssuer.Delegate(parent, new DelegationRequest(controller, target, actions, DateTimeOffset.UtcNow.AddHours(1)), Key);

    /// <summary>An encoded envelope signed by this user, with opaque <paramref name="ciphertext"/>.</summary>
    public byte[] Envelope(string channel, byte[]? ciphertext = null, EnvelopeKind kind = EnvelopeKind.Message) =>
        EnvelopeCodec.Encode(EnvelopeCodec.Sign(new Envelope
        {
            Channel = channel,
            Author = Did,
            Lamport = ++_lamport,
            Kind = kind,
            CreatedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            Ciphertext = ciphertext ?? [1, 2, 3, (byte)_lamport],
        }, Key));

    /// <inheritdoc />
    public void Dispose() => Key.Dispose();
}
