using System.CommandLine;
using Harmony.Cli.Chat;
using Harmony.Core.Errors;

namespace Harmony.Cli.Commands.Chat;

/// <summary><c>harmony history &lt;channel&gt; [--limit n]</c>: sync and print the latest messages, decrypted, in CRDT order.</summary>
internal static class HistoryCommand
{
    public static Command Build()
    {
        var channel = new Argument<string>("channel") { Description = "community/#name, #name, or a channel id." };
        var limit = new Option<int>("--limit") { Description = "How many of the latest messages to show.", DefaultValueFactory = _ => 50 };
        var command = new Command("history", "Show a channel's latest messages (oldest first).") { channel, limit };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var count = context.Parse.GetValue(limit);
            if (count < 1 || count > context.Limits.MaxHistoryLimit)
                throw new HarmonyException("cli.limit", $"--limit must be between 1 and {context.Limits.MaxHistoryLimit}.");
            var (client, target) = await context.OpenChannelAsync(context.Parse.GetValue(channel)!, ct);
            var messages = await client.HistoryAsync(target.Id, count, ProgressPrinter.For(context), ct);
            await MessageListPrinter.EmitAsync(context, client, target.Label, messages, ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
