using System.CommandLine;
using Harmony.Cli.Chat;

namespace Harmony.Cli.Commands.Chat;

/// <summary>
/// <c>harmony tail &lt;channel&gt;</c>: print messages as they arrive (one JSON object per line with
/// <c>--json</c>) until Ctrl-C, which ends it with exit 0. The SDK reconnects and resyncs after drops.
/// </summary>
internal static class TailCommand
{
    public static Command Build()
    {
        var channel = new Argument<string>("channel") { Description = "community/#name, #name, or a channel id." };
        var command = new Command("tail", "Follow a channel live (Ctrl-C to stop).") { channel };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var client = await context.ClientAsync(ct);
            var target = await new ChatResolver(client).ChannelAsync(context.Parse.GetValue(channel)!, ct);
            var names = new AuthorNames(client);
            try
            {
                await foreach (var message in client.TailAsync(target.Id, ct))
                {
                    if (context.Json)
                    {
                        CliOutput.JsonLine(ChatJson.Message(message));
                        continue;
                    }
                    await names.LoadAsync([message.Author], ct);
                    CliOutput.Text(MessageText.Format(message, names.Of));
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl-C (or SIGTERM) is the normal way to stop following.
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
