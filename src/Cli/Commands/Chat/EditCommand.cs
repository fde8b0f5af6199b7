using System.CommandLine;
using System.Text.Json.Nodes;
using Harmony.Cli.Chat;

namespace Harmony.Cli.Commands.Chat;

/// <summary><c>harmony edit &lt;channel&gt; &lt;message&gt; &lt;text&gt;</c>: replace the text of one of your messages.</summary>
internal static class EditCommand
{
    public static Command Build()
    {
        var channel = new Argument<string>("channel") { Description = "community/#name, #name, or a channel id." };
        var message = new Argument<string>("message") { Description = "The message id (or a prefix of at least 10 characters)." };
        var text = new Argument<string>("text") { Description = "The new text, or - to read it from stdin." };
        var command = new Command("edit", "Edit a message (encrypted like the original).") { channel, message, text };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var body = ChatArguments.Text(context.Parse.GetValue(text)!, context.Limits.MaxStdinChars);
            var (client, target) = await context.OpenChannelAsync(context.Parse.GetValue(channel)!, ct);
            var found = await MessageLookup.FindAsync(context, client, target.Id, context.Parse.GetValue(message)!, ct);
            var id = await client.EditAsync(target.Id, found.Id, body, ct);
            context.Emit(new JsonObject { ["id"] = id, ["channelId"] = target.Id, ["target"] = found.Id }, $"edited #{MessageText.ShortId(found.Id)} in {target.Label}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
