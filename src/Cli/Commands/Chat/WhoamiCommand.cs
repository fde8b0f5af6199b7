using System.CommandLine;
using System.Text.Json.Nodes;
using Harmony.Cli.Chat;

namespace Harmony.Cli.Commands.Chat;

/// <summary><c>harmony whoami</c>: the DID of the key the chat commands would use, and the server; no connection.</summary>
internal static class WhoamiCommand
{
    public static Command Build()
    {
        var command = new Command("whoami", "Print your DID (to share for invites and DMs) and the server the chat commands use.");
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, (context, _) =>
        {
            var did = context.Signer.Did;
            var server = context.Config.Servers.Count == 0 ? null : context.Server;
            context.Emit(
                new JsonObject { ["did"] = did, ["server"] = server?.Name, ["url"] = server?.Url.ToString(), ["home"] = context.Home.Directory },
                [did, server is null ? "no server yet: harmony server add <url>" : $"server {server.Name} {server.Url}"]);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
