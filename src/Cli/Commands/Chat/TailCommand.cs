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
            var (client, target) = await context.OpenChannelAsync(context.Parse.GetValue(channel)!, ct);
            var names = new AuthorNames(client);
            var messages = client.TailAsync(target.Id, ct).GetAsyncEnumerator(ct);
            try
            {
                // The first MoveNextAsync registers the tail and watches the channel; say so once it is under way.
                var next = messages.MoveNextAsync();
                CliOutput.Message($"following {target.Label} (Ctrl-C to stop)");
                while (await next)
                {
                    var message = messages.Current;
                    if (context.Json)
                    {
                        CliOutput.JsonLine(ChatJson.Message(message));
                    }
                    else
                    {
                        await names.LoadAsync([message.Author], ct);
                        CliOutput.Text(MessageText.Format(message, names.Of));
                    }
                    next = messages.MoveNextAsync();
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl-C (or SIGTERM) is the normal way to stop following.
            }
            finally
            {
                await messages.DisposeAsync();
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
