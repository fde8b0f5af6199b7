using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Harmony.Cli.Chat;
using Harmony.Core.Errors;

namespace Harmony.Cli.Commands.Chat;

/// <summary><c>harmony react &lt;channel&gt; &lt;message&gt; &lt;emoji&gt; [--remove]</c>.</summary>
internal static class ReactCommand
{
    public static Command Build()
    {
        var channel = new Argument<string>("channel") { Description = "community/#name, #name, or a channel id." };
        var message = new Argument<string>("message") { Description = "The message id (or a prefix of at least 10 characters)." };
        var emoji = new Argument<string>("emoji") { Description = "The reaction, e.g. 👍." };
        var remove = new Option<bool>("--remove") { Description = "Take your reaction back." };
        var command = new Command("react", "Add (or remove) a reaction to a message.") { channel, message, emoji, remove };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var reaction = context.Parse.GetValue(emoji)!.Trim();
            var max = context.Limits.MaxEmojiElements;
            if (reaction.Length == 0 || new StringInfo(reaction).LengthInTextElements > max || reaction.Any(char.IsControl))
                throw new HarmonyException("cli.emoji", $"A reaction is 1 to {max} characters without control characters.");
            var (client, target) = await context.OpenChannelAsync(context.Parse.GetValue(channel)!, ct);
            var found = await MessageLookup.FindAsync(context, client, target.Id, context.Parse.GetValue(message)!, ct);
            var removing = context.Parse.GetValue(remove);
            var id = await client.ReactAsync(target.Id, found.Id, reaction, removing, ct);
            context.Emit(
                new JsonObject { ["id"] = id, ["channelId"] = target.Id, ["target"] = found.Id, ["emoji"] = reaction, ["removed"] = removing },
                $"{(removing ? "removed" : "added")} {reaction} {(removing ? "from" : "to")} #{MessageText.ShortId(found.Id)} in {target.Label}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
