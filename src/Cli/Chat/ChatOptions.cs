using System.CommandLine;
using Harmony.Cli.Identity;

namespace Harmony.Cli.Chat;

/// <summary>The options every chat command takes: home folder, server, output mode and (when it talks to a server) the key.</summary>
internal sealed class ChatOptions
{
    /// <summary>The state folder.</summary>
    public Option<string> Home { get; } = new("--home") { Description = $"State folder (default: ${ChatHome.EnvironmentVariable}, else ~/.harmony)." };

    /// <summary>The server, by name or URL.</summary>
    public Option<string> Server { get; } = new("--server") { Description = "Server to use, by its name or URL (default: the default server of the config)." };

    /// <summary>JSON output.</summary>
    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON for scripts (one object or array; tail prints one object per line)." };

    /// <summary>The key.</summary>
    public SignerOptions Signer { get; } = new();

    /// <summary>Adds the options to <paramref name="command"/>; the key and server ones only when <paramref name="connects"/>.</summary>
    public void AddTo(Command command, bool connects)
    {
        command.Options.Add(Home);
        command.Options.Add(Json);
        if (!connects) return;
        command.Options.Add(Server);
        Signer.AddTo(command);
    }
}
