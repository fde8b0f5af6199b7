using System.CommandLine;
using System.Text.Json.Nodes;
using Harmony.Cli.Chat;

namespace Harmony.Cli.Commands.Chat;

/// <summary><c>harmony channel create|list</c>.</summary>
internal static class ChannelCommand
{
    public static Command Build()
    {
        var command = new Command("channel", "Create and list the channels of a community.");
        command.Subcommands.Add(BuildCreate());
        command.Subcommands.Add(BuildList());
        return command;
    }

    private static Command BuildCreate()
    {
        var community = new Argument<string>("community") { Description = "The community, by id or name." };
        var name = new Argument<string>("name") { Description = "The new channel's name (without #)." };
        var command = new Command("create", "Create a text channel (and its encrypted group with the community's members).") { community, name };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var client = await context.ClientAsync(ct);
            var target = await (await context.ResolverAsync(ct)).CommunityAsync(context.Parse.GetValue(community)!, ct);
            var channel = await client.CreateChannelAsync(target.Id, context.Parse.GetValue(name)!.TrimStart('#'), null, ct);
            var json = ChatJson.Channel(channel);
            json["communityId"] = target.Id;
            context.Emit(json, $"created {MessageText.Printable(target.Name)}/#{MessageText.Printable(channel.Name)}  (id {channel.Id})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildList()
    {
        var community = new Argument<string>("community") { Description = "The community, by id or name." };
        var command = new Command("list", "List a community's channels.") { community };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var client = await context.ClientAsync(ct);
            var target = await (await context.ResolverAsync(ct)).CommunityAsync(context.Parse.GetValue(community)!, ct);
            context.Emit(
                new JsonArray([.. target.Channels.Select(c => (JsonNode)ChatJson.Channel(c))]),
                target.Channels.Select(c => $"#{MessageText.Printable(c.Name)}  {c.Id}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
