using System.CommandLine;
using System.Text.Json.Nodes;
using Harmony.Cli.Chat;
using Harmony.Core.Errors;

namespace Harmony.Cli.Commands.Chat;

/// <summary>
/// <c>harmony thread &lt;channel&gt; &lt;message&gt; [&lt;text&gt;]</c>: starts (or opens) the thread rooted at a
/// message; with a text, posts it there, else shows the thread. The thread's own channel id works with every
/// other command.
/// </summary>
internal static class ThreadCommand
{
    public static Command Build()
    {
        var channel = new Argument<string>("channel") { Description = "community/#name, #name, or a channel id." };
        var message = new Argument<string>("message") { Description = "The thread's root message id (or a prefix of at least 10 characters)." };
        var text = new Argument<string?>("text") { Description = "A message to post in the thread (- reads stdin); without it, show the thread.", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit") { Description = "How many of the thread's latest messages to show.", DefaultValueFactory = _ => 50 };
        var command = new Command("thread", "Reply in a thread under a message, or show the thread.") { channel, message, text, limit };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var body = context.Parse.GetValue(text) is { } t ? ChatArguments.Text(t, context.Limits.MaxStdinChars) : null;
            var count = context.Parse.GetValue(limit);
            if (count < 1 || count > context.Limits.MaxHistoryLimit)
                throw new HarmonyException("cli.limit", $"--limit must be between 1 and {context.Limits.MaxHistoryLimit}.");
            var (client, target) = await context.OpenChannelAsync(context.Parse.GetValue(channel)!, ct);
            var root = await MessageLookup.FindAsync(context, client, target.Id, context.Parse.GetValue(message)!, ct);
            var threadId = await client.CreateThreadAsync(target.Id, root.Id, ct);
            var label = $"{target.Label} thread #{MessageText.ShortId(root.Id)}";
            if (body is null)
            {
                var messages = await client.HistoryAsync(threadId, count, ProgressPrinter.For(context), ct);
                await MessageListPrinter.EmitAsync(context, client, label, messages, ct);
                return ExitCodes.Ok;
            }
            var id = await client.SendAsync(threadId, body, null, ct);
            context.Emit(new JsonObject { ["id"] = id, ["channelId"] = threadId, ["thread"] = root.Id }, $"sent to {label}  #{MessageText.ShortId(id)}  (thread channel {threadId})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
