using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Encoding;
using Harmony.Core.Protocol;
using Harmony.Gateway.Auth;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Harmony.Gateway.Tests.Infrastructure;

/// <summary>A user with an Ed25519 did:key who logs in, connects and signs invocations and envelopes.</summary>
public sealed class TestUser : IDisposable
{
    private ulong _lamport;

    public TestUser() => Did = DidKey.FromEd25519(Key.PublicKey).Did;

    public Ed25519KeyPair Key { get; } = Ed25519KeyPair.Generate();

    public string Did { get; }

    public async Task<string> LoginAsync(GatewayFactory node)
    {
        using var http = node.Http();
        var challenge = await (await http.PostAsJsonAsync("/api/auth/challenge", new { did = Did })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<ChallengeResponse>();
        var signature = Key.Sign(AuthMessage.SigningBytes(node.Origin, Did, challenge!.Nonce));
        var session = await (await http.PostAsJsonAsync("/api/auth/session", new { did = Did, nonce = challenge.Nonce, signature = Base64Url.Encode(signature) }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<SessionResponse>();
        return session!.Token;
    }

    public async Task<HubConnection> ConnectAsync(GatewayFactory node, bool messagePack = false)
    {
        var token = await LoginAsync(node);
        var builder = new HubConnectionBuilder().WithUrl(new Uri(node.BaseAddress, "hub"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));
        if (messagePack) builder.AddMessagePackProtocol();
        var connection = builder.Build();
        await connection.StartAsync();
        return connection;
    }

    public JsonObject Root(string communityId) => CapabilityIssuer.CreateRoot(InvocationTargets.Community(communityId), Did);

    public string Invoke(JsonObject capability, string action, string target, JsonObject? document = null) =>
        CapabilityIssuer.Invoke(document ?? [], capability, new InvocationRequest(action, target), Key).ToJsonString();

    public JsonObject Delegate(JsonObject parent, string controller, string target, params string[] actions) =>
        CapabilityIssuer.Delegate(parent, new DelegationRequest(controller, target, actions, DateTimeOffset.UtcNow.AddHours(1)), Key);

    public byte[] Envelope(string channel, byte[]? ciphertext = null, EnvelopeKind kind = EnvelopeKind.Message, string? thread = null, string? target = null) =>
        EnvelopeCodec.Encode(EnvelopeCodec.Sign(new Envelope
        {
            Channel = channel,
            Author = Did,
            Lamport = ++_lamport,
            Kind = kind,
            Thread = thread,
            Target = target,
            CreatedAtMs = 1_700_000_000_000,
            Ciphertext = ciphertext ?? [1, 2, 3, (byte)_lamport],
        }, Key));

    public void Dispose() => Key.Dispose();
}
