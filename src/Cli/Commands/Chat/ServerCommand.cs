using System.CommandLine;
using System.Text.Json.Nodes;
using Harmony.Cli.Chat;
using Harmony.Core.Errors;

namespace Harmony.Cli.Commands.Chat;

/// <summary><c>harmony server add|list</c>: the servers known to the CLI (kept in the home folder's config.json).</summary>
internal static class ServerCommand
{
    public static Command Build()
    {
        var command = new Command("server", "Add and list the servers you chat on.");
        command.Subcommands.Add(BuildAdd());
        command.Subcommands.Add(BuildList());
        return command;
    }

    private static Command BuildAdd()
    {
        var url = new Argument<string>("url") { Description = "The server's base URL, e.g. http://127.0.0.1:5000." };
        var name = new Option<string>("--name") { Description = "A short name for it (default: its host and port)." };
        var makeDefault = new Option<bool>("--default") { Description = "Use it when --server is not given (the first server added is the default)." };
        var command = new Command("add", "Add a server (or update the URL of a name); does not contact it.") { url, name, makeDefault };
        var options = new ChatOptions();
        options.AddTo(command, connects: false);
        ChatAction.Set(command, options, (context, _) =>
        {
            var uri = ServerEntry.ParseUrl(context.Parse.GetValue(url)!);
            var serverName = ServerEntry.CheckName(context.Parse.GetValue(name) ?? ServerEntry.DefaultName(uri));
            var config = context.Config;
            var servers = config.Servers.Where(s => s.Name != serverName).ToList();
            var clash = servers.FirstOrDefault(s => s.Url == uri);
            if (clash is not null)
                throw new HarmonyException("cli.server.exists", $"{uri} is already known as '{clash.Name}'.");
            if (servers.Count >= context.Limits.MaxServers)
                throw new HarmonyException("cli.server.limit", $"At most {context.Limits.MaxServers} servers.");
            var index = config.Servers.ToList().FindIndex(s => s.Name == serverName);
            var entry = new ServerEntry(serverName, uri);
            if (index >= 0) servers.Insert(index, entry);
            else servers.Add(entry);
            var isDefault = context.Parse.GetValue(makeDefault) || config.DefaultServer is null || config.Servers.All(s => s.Name != config.DefaultServer);
            var updated = config with { Servers = servers, DefaultServer = isDefault ? serverName : config.DefaultServer };
            context.Home.SaveConfig(updated);
            context.Emit(
                new JsonObject { ["name"] = serverName, ["url"] = uri.ToString(), ["default"] = updated.DefaultServer == serverName },
                $"added server '{serverName}' {uri}{(updated.DefaultServer == serverName ? " (default)" : "")}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command BuildList()
    {
        var command = new Command("list", "List the known servers; * marks the default.");
        var options = new ChatOptions();
        options.AddTo(command, connects: false);
        ChatAction.Set(command, options, (context, _) =>
        {
            var config = context.Config;
            var json = new JsonArray();
            var lines = new List<string>();
            foreach (var server in config.Servers)
            {
                var isDefault = server.Name == (config.DefaultServer ?? config.Servers[0].Name);
                json.Add(new JsonObject { ["name"] = server.Name, ["url"] = server.Url.ToString(), ["default"] = isDefault });
                lines.Add($"{(isDefault ? "*" : " ")} {server.Name,-20} {server.Url}");
            }
            if (lines.Count == 0) lines.Add("no servers yet: harmony server add <url>");
            context.Emit(json, lines);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
