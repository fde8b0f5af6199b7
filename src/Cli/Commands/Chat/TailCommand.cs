using System.CommandLine;
using Harmony.Cli.Chat;
using Harmony.Client.Chat;
using Harmony.Core.Errors;

namespace Harmony.Cli.Commands.Chat;

/// <summary>
/// <c>harmony tail &lt;channel&gt; [--input]</c>: print messages as they arrive (one JSON object per line with
/// <c>--json</c>) until Ctrl-C, which ends it with exit 0. The SDK reconnects and resyncs after drops. With
/// <c>--input</c>, each line read from stdin is sent to the channel too: a whole chat in one process, which matters
/// because only one process per identity and server may run at a time.
/// </summary>
internal static class TailCommand
{
    public static Command Build()
    {
        var channel = new Argument<string>("channel") { Description = "community/#name, #name, or a channel id." };
        var input = new Option<bool>("--input") { Description = "Also send each line typed on stdin to the channel (chat in one terminal)." };
        var command = new Command("tail", "Follow a channel live (Ctrl-C to stop).") { channel, input };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var (client, target) = await context.OpenChannelAsync(context.Parse.GetValue(channel)!, ct);
            var names = new AuthorNames(client, context.Limits.MaxDisplayNameLength);
            var messages = client.TailAsync(target.Id, ct).GetAsyncEnumerator(ct);
            try
            {
                // The first MoveNextAsync registers the tail and watches the channel; say so once it is under way.
                var next = messages.MoveNextAsync();
                var sending = context.Parse.GetValue(input);
                CliOutput.Message($"following {target.Label}{(sending ? ", sending what you type" : "")} (Ctrl-C to stop)");
                // Not awaited: a console read cannot be cancelled, and the process ends with the tail anyway.
                if (sending) _ = Task.Run(() => SendLinesAsync(context, client, target, ct), ct);
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

    /// <summary>Sends each stdin line (until end of input) as a message; a refused line is reported and the tail goes on.</summary>
    private static async Task SendLinesAsync(ChatCommandContext context, HarmonyChatClient client, ChannelTarget target, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested && await Console.In.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                if (line.Length > context.Limits.MaxStdinChars)
                    throw new HarmonyException("cli.text", $"The line is longer than {context.Limits.MaxStdinChars} characters; not sent.");
                await client.SendAsync(target.Id, line, null, ct);
                await client.Connection.FlushAsync(ct);
            }
            catch (HarmonyException e)
            {
                CliOutput.Message($"error [{e.Code}]: {e.Message}");
            }
        }
    }
}
