using System.CommandLine;
using System.Text.Json.Nodes;
using Harmony.Cli.Chat;

namespace Harmony.Cli.Commands.Chat;

/// <summary><c>harmony send &lt;channel&gt; &lt;text&gt; [--reply id]</c>: encrypt and send one message.</summary>
internal static class SendCommand
{
    public static Command Build()
    {
        var channel = new Argument<string>("channel") { Description = "community/#name, #name, or a channel id." };
        var text = new Argument<string>("text") { Description = "The message, or - to read it from stdin." };
        var reply = new Option<string>("--reply") { Description = "Id (or id prefix) of the message this replies to." };
        var command = new Command("send", "Send an end-to-end encrypted message to a channel.") { channel, text, reply };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var body = ChatArguments.Text(context.Parse.GetValue(text)!, context.Limits.MaxStdinChars);
            var (client, target) = await context.OpenChannelAsync(context.Parse.GetValue(channel)!, ct);
            var replyTo = context.Parse.GetValue(reply) is { } r ? (await MessageLookup.FindAsync(context, client, target.Id, r, ct)).Id : null;
            var id = await client.SendAsync(target.Id, body, replyTo, ct);
            context.Emit(new JsonObject { ["id"] = id, ["channelId"] = target.Id, ["replyTo"] = replyTo }, $"sent to {target.Label}  #{MessageText.ShortId(id)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
