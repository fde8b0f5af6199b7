using Harmony.Client.Auth;
using Harmony.Client.Protocol;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Harmony.Bench.Load;

/// <summary>One SignalR connection of the load (MessagePack protocol, WebSockets), logged in when it has a key.</summary>
internal sealed class LoadClient : IAsyncDisposable
{
    private DeliveryLog? _log;

    private LoadClient(HubConnection connection, Ed25519KeyPair? key)
    {
        Connection = connection;
        Key = key;
        Did = key is null ? "did:key:none" : DidKey.FromEd25519(key.PublicKey).Did;
        connection.On<ChannelEnvelope>("envelope", e => _log?.Add(e.Envelope));
    }

    public HubConnection Connection { get; }

    public Ed25519KeyPair? Key { get; }

    public string Did { get; }

    /// <summary>The Lamport clock of the envelopes this client signs.</summary>
    public long Lamport;

    /// <summary>The capability the client proves with (its invite), once joined.</summary>
    public string? CapabilityId { get; set; }

    /// <summary>Where deliveries of the current run go (null: not recorded).</summary>
    public DeliveryLog? Log
    {
        get => _log;
        set => _log = value;
    }

    /// <summary>Connects; with a <paramref name="key"/> it first logs in (DID challenge/response) and uses the session token.</summary>
    public static async Task<LoadClient> ConnectAsync(Uri server, Ed25519KeyPair? key, bool login = true)
    {
        string? token = null;
        if (key is not null && login)
        {
            using var http = new HttpClient { BaseAddress = server };
            token = (await HarmonySession.LoginAsync(http, key)).Token;
        }
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hub"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddMessagePackProtocol()
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        connection.HandshakeTimeout = TimeSpan.FromMinutes(1);
        var client = new LoadClient(connection, key);
        await connection.StartAsync();
        return client;
    }

    public Task<WatchResult> WatchAsync(string channelId) => Connection.InvokeAsync<WatchResult>("Watch", channelId, CapabilityId ?? "none");

    public Task<AppendResult> SendAsync(byte[] envelope) => Connection.InvokeAsync<AppendResult>("Send", envelope, CapabilityId, null);

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        Key?.Dispose();
    }
}
