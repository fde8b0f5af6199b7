using System.CommandLine;
using System.Text.Json.Nodes;
using Harmony.Cli.Identity;
using Harmony.Client;
using Harmony.Client.Chat;
using Harmony.Client.Connection;
using Harmony.Core.Errors;

namespace Harmony.Cli.Chat;

/// <summary>
/// Everything one chat command needs: the home folder and its config, the chosen server, the user's key and,
/// on demand, a connected <see cref="HarmonyChatClient"/>; and the output mode (JSON or text).
/// </summary>
internal sealed class ChatCommandContext : IAsyncDisposable
{
    private readonly ParseResult _parse;
    private readonly ChatOptions _options;
    private CliSigner? _signer;
    private HarmonyChatClient? _client;
    private ServerEntry? _server;
    private DataDirectoryLock? _lock;
    private ChatResolver? _resolver;
    private List<string>? _result;

    /// <summary>Reads the home folder and its config for <paramref name="parse"/>.</summary>
    public ChatCommandContext(ParseResult parse, ChatOptions options, ChatCliLimits limits)
    {
        _parse = parse;
        _options = options;
        Limits = limits;
        Json = parse.GetValue(options.Json);
        Home = ChatHome.Resolve(parse.GetValue(options.Home), limits);
        Config = Home.LoadConfig();
    }

    /// <summary>Whether results are printed as JSON.</summary>
    public bool Json { get; }

    /// <summary>The home folder.</summary>
    public ChatHome Home { get; }

    /// <summary>The config as loaded.</summary>
    public ChatConfig Config { get; }

    /// <summary>Limits and timeouts.</summary>
    public ChatCliLimits Limits { get; }

    /// <summary>The parse result of the command line.</summary>
    public ParseResult Parse => _parse;

    /// <summary>The server named by <c>--server</c> (name or URL) or the config's default; <c>cli.server</c> when none fits.</summary>
    public ServerEntry Server => _server ??= ResolveServer(_parse.GetValue(_options.Server));

    /// <summary>The user's key (loaded on first use).</summary>
    public CliSigner Signer => _signer ??= _options.Signer.Load(_parse, Config.Keystore ?? Home.DefaultKeystorePath);

    /// <summary>The connected client (connects on first use); unreachable servers surface as <see cref="ServerUnavailableException"/>.</summary>
    public async Task<HarmonyChatClient> ClientAsync(CancellationToken cancellationToken)
    {
        if (_client is not null) return _client;
        var server = Server;
        var signer = Signer;
        await ProbeAsync(server, cancellationToken);
        var dataDirectory = Home.DataDirectory(server, signer.Did);
        _lock ??= await DataDirectoryLock.AcquireAsync(dataDirectory, Limits.LockTimeout, cancellationToken);
        var options = new HarmonyChatOptions { Server = server.Url, DataDirectory = dataDirectory };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limits.ConnectTimeout);
        try
        {
            _client = await HarmonyChatClient.ConnectAsync(options, signer.Key, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerUnavailableException(server.Url, $"no answer within {Limits.ConnectTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (ServerUnavailableException.IsUnreachable(e))
        {
            throw new ServerUnavailableException(server.Url, ServerUnavailableException.Describe(e), e);
        }
        return _client;
    }

    /// <summary>Name resolution over the connected client's communities (connects on first use).</summary>
    public async Task<ChatResolver> ResolverAsync(CancellationToken cancellationToken) => _resolver ??= new ChatResolver(await ClientAsync(cancellationToken));

    /// <summary>
    /// Connects, resolves <paramref name="reference"/> to a channel, catches it up and brings the community's MLS groups in line
    /// with its roster (see <see cref="SyncMembershipAsync"/>), so what this command sends reaches every member.
    /// </summary>
    public async Task<(HarmonyChatClient Client, ChannelTarget Channel)> OpenChannelAsync(string reference, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(cancellationToken);
        var channel = await (await ResolverAsync(cancellationToken)).ChannelAsync(reference, cancellationToken);
        await CatchUpAsync(client, channel.Id, cancellationToken);
        await SyncMembershipAsync(client, channel.CommunityId, cancellationToken);
        return (client, channel);
    }

    /// <summary>
    /// Applies everything the server has logged in <paramref name="channelId"/> (Welcomes and Commits included)
    /// before this short-lived process encrypts anything: the SDK syncs watched channels in the background, but a
    /// command runs right after connecting and would otherwise act on a stale (or missing) group.
    /// </summary>
    public async Task CatchUpAsync(HarmonyChatClient client, string channelId, CancellationToken cancellationToken) =>
        await client.HistoryAsync(channelId, 1, ProgressPrinter.For(this), cancellationToken);

    /// <summary>
    /// Adds members who joined since a member was last online to the community's channel groups (and removes
    /// leavers) before this short-lived process acts. The SDK does this in the background too, but a CLI command may
    /// end before the background pass does. Failures (a joiner without KeyPackages, a lost race) do not stop the
    /// command: they are reported on stderr and retried by the next client that comes online.
    /// </summary>
    public async Task SyncMembershipAsync(HarmonyChatClient client, string communityId, CancellationToken cancellationToken)
    {
        try
        {
            await client.SyncMembershipAsync(communityId, cancellationToken);
        }
        catch (HarmonyException e)
        {
            CliOutput.Message($"note: the community's new members could not be added to its encrypted groups yet ([{e.Code}] {e.Message}).");
        }
    }

    /// <summary>
    /// Delivers what this command queued before the process ends: the SDK queues messages and Welcomes durably and
    /// sends them in the background, which a short-lived process would cut off (they would only leave with the next
    /// command). Flushes until the queue is empty (<see cref="ChatCliLimits.DeliveryTimeout"/>), then reports the
    /// server's refusal of a queued envelope as that typed error; an unreachable server is
    /// <see cref="ServerUnavailableException"/> (the envelopes stay queued for the next command).
    /// </summary>
    public async Task FinishAsync()
    {
        if (_client is null) return;
        var connection = _client.Connection;
        using var deadline = new CancellationTokenSource(Limits.DeliveryTimeout);
        using var reading = new CancellationTokenSource();
        var rejections = connection.ReadRejectionsAsync(reading.Token).GetAsyncEnumerator(reading.Token);
        var refused = new List<QueueRejection>();
        try
        {
            while (true)
            {
                try
                {
                    await connection.FlushAsync(deadline.Token);
                    if (await connection.Store.CountQueuedAsync(deadline.Token) == 0) break;
                    // Rate limited or reconnecting: the queue keeps its order, so wait and flush again.
                    await Task.Delay(Limits.DeliveryRetryInterval, deadline.Token);
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                {
                    var left = await connection.Store.CountQueuedAsync(CancellationToken.None);
                    throw new ServerUnavailableException(Server.Url,
                        $"{left} outgoing envelope(s) could not be delivered within {Limits.DeliveryTimeout.TotalSeconds:0} s; they stay queued and your next harmony command sends them");
                }
            }
            // Refusals were written while flushing; take those already there without waiting for more.
            while (true)
            {
                var next = rejections.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    await reading.CancelAsync();
                    try { await next; }
                    catch (OperationCanceledException) { }
                    break;
                }
                if (!await next) break;
                refused.Add(rejections.Current);
            }
        }
        finally
        {
            await rejections.DisposeAsync();
        }
        if (refused.Count > 0)
        {
            var first = refused[0];
            throw new HarmonyServerException(first.Error.Code,
                $"The server refused {(refused.Count == 1 ? "an outgoing envelope" : $"{refused.Count} outgoing envelopes")} of channel {first.ChannelId}: {first.Error.Message}");
        }
    }

    /// <summary>
    /// Sets the result: <paramref name="json"/> in JSON mode, else each line of <paramref name="text"/>. It is
    /// printed by <see cref="PrintResult"/> once <see cref="FinishAsync"/> has delivered what the command queued, so
    /// a command never reports success and then a failure.
    /// </summary>
    public void Emit(JsonNode json, IEnumerable<string> text) => _result = Json ? [json.ToJsonString()] : [.. text];

    /// <summary>Sets the result: <paramref name="json"/> in JSON mode, else <paramref name="text"/>.</summary>
    public void Emit(JsonNode json, string text) => Emit(json, [text]);

    /// <summary>Prints the result set by <see cref="Emit(JsonNode, IEnumerable{string})"/>, if any.</summary>
    public void PrintResult()
    {
        if (_result is null) return;
        if (Json) CliOutput.Readable(JsonNode.Parse(_result[0])!);
        else foreach (var line in _result) CliOutput.Text(line);
        _result = null;
    }

    /// <summary>Disconnects and clears the key.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_client is not null) await _client.DisposeAsync();
        _lock?.Dispose();
        _signer?.Dispose();
    }

    /// <summary>
    /// One quick <c>GET /healthz</c> before connecting: the SDK's connect keeps retrying until its deadline, so a
    /// server that is down would otherwise cost the whole <see cref="ChatCliLimits.ConnectTimeout"/> to report.
    /// </summary>
    private async Task ProbeAsync(ServerEntry server, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server.Url, Timeout = Limits.ProbeTimeout };
        try
        {
            using var response = await http.GetAsync("healthz", cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new ServerUnavailableException(server.Url, $"its health check answered HTTP {(int)response.StatusCode}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerUnavailableException(server.Url, $"no answer within {Limits.ProbeTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            throw new ServerUnavailableException(server.Url, ServerUnavailableException.Describe(e), e);
        }
    }

    private ServerEntry ResolveServer(string? reference)
    {
        if (Config.Servers.Count == 0)
            throw new HarmonyException("cli.server.none", "No server configured: add one with 'harmony server add <url>'.");
        if (reference is null)
        {
            var name = Config.DefaultServer ?? Config.Servers[0].Name;
            return Config.Servers.FirstOrDefault(s => s.Name == name)
                ?? throw new HarmonyException("cli.config", $"The default server '{name}' is not in the config; pick one with 'harmony server add <url> --default'.");
        }
        var byName = Config.Servers.FirstOrDefault(s => s.Name == reference);
        if (byName is not null) return byName;
        if (Uri.TryCreate(reference, UriKind.Absolute, out _))
        {
            var url = ServerEntry.ParseUrl(reference);
            var byUrl = Config.Servers.FirstOrDefault(s => s.Url == url);
            if (byUrl is not null) return byUrl;
        }
        throw new HarmonyException("cli.server.unknown", $"No server named '{reference}': see 'harmony server list', or add it with 'harmony server add'.");
    }
}
