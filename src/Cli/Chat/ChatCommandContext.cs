using System.CommandLine;
using System.Text.Json.Nodes;
using Harmony.Cli.Identity;
using Harmony.Client.Chat;
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
        var options = new HarmonyChatOptions { Server = server.Url, DataDirectory = Home.DataDirectory(server, signer.Did) };
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

    /// <summary>Prints a result: <paramref name="json"/> in JSON mode, else each line of <paramref name="text"/>.</summary>
    public void Emit(JsonNode json, IEnumerable<string> text)
    {
        if (Json)
        {
            CliOutput.Json(json);
            return;
        }
        foreach (var line in text) CliOutput.Text(line);
    }

    /// <summary>Prints a result: <paramref name="json"/> in JSON mode, else <paramref name="text"/>.</summary>
    public void Emit(JsonNode json, string text) => Emit(json, [text]);

    /// <summary>Disconnects and clears the key.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_client is not null) await _client.DisposeAsync();
        _signer?.Dispose();
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
