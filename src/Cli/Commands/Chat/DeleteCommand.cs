using System.CommandLine;
using System.Text.Json.Nodes;
using Harmony.Cli.Chat;

namespace Harmony.Cli.Commands.Chat;

/// <summary><c>harmony delete &lt;channel&gt; &lt;message&gt;</c>: delete one of your messages (moderators: anyone's).</summary>
internal static class DeleteCommand
{
    public static Command Build()
    {
        var channel = new Argument<string>("channel") { Description = "community/#name, #name, or a channel id." };
        var message = new Argument<string>("message") { Description = "The message id (or a prefix of at least 10 characters)." };
        var command = new Command("delete", "Delete a message.") { channel, message };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var (client, target) = await context.OpenChannelAsync(context.Parse.GetValue(channel)!, ct);
            var found = await MessageLookup.FindAsync(context, client, target.Id, context.Parse.GetValue(message)!, ct);
            var id = await client.DeleteAsync(target.Id, found.Id, ct);
            context.Emit(new JsonObject { ["id"] = id, ["channelId"] = target.Id, ["target"] = found.Id }, $"deleted #{MessageText.ShortId(found.Id)} in {target.Label}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
